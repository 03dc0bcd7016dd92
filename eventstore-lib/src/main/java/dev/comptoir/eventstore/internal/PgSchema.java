package dev.comptoir.eventstore.internal;

import dev.comptoir.eventstore.EventStoreException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** Schema name checks, Flyway migration and JDBI set-up for the PostgreSQL adapters. */
public final class PgSchema {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PgSchema() {
    }

    /** Throws unless {@code schema} is a plain lower-case SQL identifier. */
    public static String checkName(String schema) {
        if (schema == null || !NAME.matcher(schema).matches()) {
            throw EventStoreException.invalid("schema must match " + NAME.pattern() + ", was " + schema);
        }
        return schema;
    }

    /** Creates {@code schema} if needed and applies the event store migrations. */
    public static void migrate(DataSource dataSource, String schema) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .locations("classpath:db/comptoir-eventstore")
                    .table("comptoir_eventstore_history")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw EventStoreException.unavailable("migrating schema " + schema, e);
        }
    }

    /** A JDBI over {@code dataSource} with the Postgres plugin. */
    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }
}
