package dev.comptoir.eventstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The machine's PostgreSQL for one test class: a small pool and fresh schemas with random
 * suffixes, all dropped on close. Settings from {@code COMPTOIR_PG_URL}, {@code COMPTOIR_PG_USER},
 * {@code COMPTOIR_PG_PASSWORD}; when the database is absent the test fails (never skips).
 */
public final class PgTestSupport implements AutoCloseable {

    public static final String URL = env("COMPTOIR_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("COMPTOIR_PG_USER", "postgres");
    public static final String PASSWORD = env("COMPTOIR_PG_PASSWORD", "");

    private final HikariDataSource dataSource;
    private final List<String> schemas = new ArrayList<>();

    public PgTestSupport(int poolSize) {
        var config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("eventstore-test");
        this.dataSource = new HikariDataSource(config);
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** A new schema name (created by the first migration), dropped on close. */
    public synchronized String newSchema(String prefix) {
        String s = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
        schemas.add(s);
        return s;
    }

    @Override
    public void close() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String s : schemas) {
                st.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dropping test schemas " + schemas, e);
        } finally {
            dataSource.close();
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
