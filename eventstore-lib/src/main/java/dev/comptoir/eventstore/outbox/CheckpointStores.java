package dev.comptoir.eventstore.outbox;

import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.internal.PgSchema;
import dev.comptoir.eventstore.spi.CheckpointStore;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Checkpoint stores shipped with the library (the Redis one is
 * {@link dev.comptoir.eventstore.bus.MessageBuses#checkpointsOf}).
 *
 * <pre>{@code
 * CheckpointStore cps = CheckpointStores.postgres(dataSource, "claims");
 * }</pre>
 */
public final class CheckpointStores {

    private CheckpointStores() {
    }

    /** Checkpoints in a map. */
    public static CheckpointStore inMemory() {
        var map = new ConcurrentHashMap<String, Long>();
        return new CheckpointStore() {
            @Override
            public long load(String name) {
                return map.getOrDefault(name, 0L);
            }

            @Override
            public void save(String name, long position) {
                map.put(name, position);
            }
        };
    }

    /** Checkpoints in the {@code checkpoints} table of a schema migrated by the event store. */
    public static CheckpointStore postgres(DataSource dataSource, String schema) {
        Jdbi jdbi = PgSchema.jdbi(dataSource);
        String table = PgSchema.checkName(schema) + ".checkpoints";
        return new CheckpointStore() {
            @Override
            public long load(String name) {
                try {
                    return jdbi.withHandle(h -> h.createQuery("SELECT position FROM " + table + " WHERE name = :n")
                            .bind("n", name).mapTo(Long.class).findOne().orElse(0L));
                } catch (JdbiException e) {
                    throw EventStoreException.unavailable("loading checkpoint " + name, e);
                }
            }

            @Override
            public void save(String name, long position) {
                try {
                    jdbi.useHandle(h -> h.createUpdate("INSERT INTO " + table + " (name, position) VALUES (:n, :p) "
                                    + "ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()")
                            .bind("n", name).bind("p", position).execute());
                } catch (JdbiException e) {
                    throw EventStoreException.unavailable("saving checkpoint " + name, e);
                }
            }
        };
    }
}
