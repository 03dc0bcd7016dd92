package dev.comptoir.eventstore.aggregate;

import dev.comptoir.eventstore.internal.InMemorySnapshotStore;
import dev.comptoir.eventstore.internal.PostgresSnapshotStore;
import dev.comptoir.eventstore.spi.SnapshotStore;
import javax.sql.DataSource;

/**
 * Snapshot stores shipped with the library.
 *
 * <pre>{@code
 * SnapshotStore snaps = SnapshotStores.postgres(dataSource, "claims");  // same schema as the event store
 * }</pre>
 */
public final class SnapshotStores {

    private SnapshotStores() {
    }

    /** Snapshots kept in a map. */
    public static SnapshotStore inMemory() {
        return new InMemorySnapshotStore();
    }

    /** Snapshots in the {@code snapshots} table of {@code schema} (migrated by the Postgres event store). */
    public static SnapshotStore postgres(DataSource dataSource, String schema) {
        return new PostgresSnapshotStore(dataSource, schema);
    }
}
