package dev.comptoir.core.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * core-lib's PostgreSQL home: one schema, a connection pool whose connections use that schema,
 * a {@link Jdbi} and the Flyway migrations of {@code classpath:db/comptoir-core}.
 *
 * <pre>{@code
 * try (PostgresDatabase db = PostgresDatabase.connect(
 *         "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", "comptoir", 8)) {
 *     db.migrate();
 *     // build adapters with db.jdbi()
 * }
 * }</pre>
 *
 * <p>Thread-safe. Closing it closes the pool only when it created the pool.
 */
public final class PostgresDatabase implements AutoCloseable {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String schema;
    private final Jdbi jdbi;
    private final boolean ownsPool;

    private PostgresDatabase(DataSource dataSource, String schema, boolean ownsPool) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.schema = requireSchemaName(schema);
        this.ownsPool = ownsPool;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    /** Opens a Hikari pool of {@code poolSize} connections whose search path is {@code schema}. */
    public static PostgresDatabase connect(String jdbcUrl, String user, String password, String schema, int poolSize) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setUsername(user);
        cfg.setPassword(password == null ? "" : password);
        cfg.setSchema(requireSchemaName(schema));
        cfg.setMaximumPoolSize(poolSize);
        cfg.setMinimumIdle(Math.min(2, poolSize));
        cfg.setPoolName("comptoir-core-" + schema);
        cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        cfg.setInitializationFailTimeout(5_000);
        return new PostgresDatabase(new HikariDataSource(cfg), schema, true);
    }

    /**
     * Uses a caller-owned data source. Its connections must already have {@code schema} on their
     * search path (e.g. Hikari's {@code schema} property); closing this object leaves it open.
     */
    public static PostgresDatabase using(DataSource dataSource, String schema) {
        return new PostgresDatabase(dataSource, schema, false);
    }

    /** Creates the schema if needed and applies core-lib's migrations to it. */
    public PostgresDatabase migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/comptoir-core")
                .table("comptoir_core_schema_history")
                .load()
                .migrate();
        return this;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        if (ownsPool && dataSource instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing pool", e);
            }
        }
    }

    static String requireSchemaName(String schema) {
        Objects.requireNonNull(schema, "schema");
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must match " + SCHEMA + ", was '" + schema + "'");
        }
        return schema;
    }
}
