package dev.comptoir.sim.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * PostgreSQL connection options shared by the commands that can use the database
 * ({@code --pg-url}, {@code --pg-user}, {@code --pg-password}, {@code --pool-size}).
 * Defaults come from {@code COMPTOIR_PG_URL}, {@code COMPTOIR_PG_USER} and
 * {@code COMPTOIR_PG_PASSWORD}, else the local server.
 */
public final class PostgresOptions {
    @Option(names = "--pg-url", paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL (default: $COMPTOIR_PG_URL or ${DEFAULT-VALUE}).",
            defaultValue = "${env:COMPTOIR_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}")
    String url;

    @Option(names = "--pg-user", description = "PostgreSQL user (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:COMPTOIR_PG_USER:-postgres}")
    String user;

    @Option(names = "--pg-password", description = "PostgreSQL password (default: $COMPTOIR_PG_PASSWORD or empty).",
            defaultValue = "${env:COMPTOIR_PG_PASSWORD:-}")
    String password;

    @Option(names = "--pool-size", description = "Connection pool size (default: ${DEFAULT-VALUE}).",
            defaultValue = "8")
    int poolSize;

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password == null ? "" : password;
    }

    public int poolSize() {
        return poolSize;
    }

    /** A fresh schema name {@code prefix_<random>} for one run. */
    public static String freshSchema(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
    }

    /** A pool of {@link #poolSize()} connections whose search path is {@code schema} (created if absent). */
    public HikariDataSource pool(String schema) {
        execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword(password());
        cfg.setSchema(schema);
        cfg.setMaximumPoolSize(poolSize);
        cfg.setMinimumIdle(poolSize);
        cfg.setPoolName("bench-" + schema);
        cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        cfg.setInitializationFailTimeout(5_000);
        return new HikariDataSource(cfg);
    }

    /** Drops a schema created for a run. */
    public void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }
}
