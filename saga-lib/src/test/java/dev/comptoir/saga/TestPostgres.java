package dev.comptoir.saga;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A private schema on the machine's PostgreSQL for one test class, with a small Hikari pool;
 * {@link #close()} closes the pool and drops the schema. Settings: {@code COMPTOIR_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code COMPTOIR_PG_USER} (default
 * {@code postgres}), {@code COMPTOIR_PG_PASSWORD} (default empty). No database means the test
 * fails: it never skips.
 *
 * <pre>{@code
 * static TestPostgres pg = TestPostgres.create("saga_tck", 4);
 * SagaStore store = SagaStore.postgres(pg.dataSource(), pg.schema());
 * }</pre>
 */
public final class TestPostgres implements AutoCloseable {
    public static final String URL = env("COMPTOIR_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("COMPTOIR_PG_USER", "postgres");
    public static final String PASSWORD = env("COMPTOIR_PG_PASSWORD", "");

    private final HikariDataSource dataSource;
    private final String schema;

    private TestPostgres(String prefix, int poolSize) {
        this.schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .toLowerCase(Locale.ROOT);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(URL);
        cfg.setUsername(USER);
        cfg.setPassword(PASSWORD);
        cfg.setMaximumPoolSize(Math.min(poolSize, 8));
        cfg.setMinimumIdle(1);
        cfg.setPoolName("saga-test-" + schema);
        cfg.setInitializationFailTimeout(5_000);
        this.dataSource = new HikariDataSource(cfg);
    }

    /** A pool of at most {@code poolSize} (≤ 8) connections and a fresh schema name. */
    public static TestPostgres create(String prefix, int poolSize) {
        return new TestPostgres(prefix, poolSize);
    }

    /** Another pool (≤ 8 connections) on the same database, e.g. for a second runtime instance; caller closes it. */
    public HikariDataSource newPool(String name, int poolSize) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(URL);
        cfg.setUsername(USER);
        cfg.setPassword(PASSWORD);
        cfg.setMaximumPoolSize(Math.min(poolSize, 8));
        cfg.setMinimumIdle(1);
        cfg.setPoolName("saga-test-" + schema + "-" + name);
        return new HikariDataSource(cfg);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        dataSource.close();
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping test schema " + schema, e);
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
