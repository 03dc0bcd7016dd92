package dev.comptoir.core.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, migrated schema on the machine's PostgreSQL for one test class, dropped on close
 * together with the libraries' schemas beside it ({@code <schema>_saga}, {@code <schema>_events}).
 *
 * <p>Connection settings come from {@code COMPTOIR_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code COMPTOIR_PG_USER} (default
 * {@code postgres}) and {@code COMPTOIR_PG_PASSWORD} (default empty). When the database is
 * absent the test fails: it never skips.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String URL = env("COMPTOIR_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("COMPTOIR_PG_USER", "postgres");
    public static final String PASSWORD = env("COMPTOIR_PG_PASSWORD", "");

    private final PostgresDatabase database;

    private TestDatabase(String prefix, int poolSize) {
        String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        this.database = PostgresDatabase.connect(URL, USER, PASSWORD, schema, poolSize).migrate();
    }

    /** A migrated schema named after {@code prefix} plus a random suffix. */
    public static TestDatabase create(String prefix) {
        return new TestDatabase(prefix, 10);
    }

    public static TestDatabase create(String prefix, int poolSize) {
        return new TestDatabase(prefix, poolSize);
    }

    public PostgresDatabase database() {
        return database;
    }

    @Override
    public void close() {
        String schema = database.schema();
        database.close();
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            for (String companion : new String[] {PgCheckout.sagaSchema(database), PgClaimViewModule.eventSchema(database)}) {
                s.execute("DROP SCHEMA IF EXISTS " + companion + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dropping test schema " + schema, e);
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
