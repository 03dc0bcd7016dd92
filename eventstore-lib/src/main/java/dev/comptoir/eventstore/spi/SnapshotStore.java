package dev.comptoir.eventstore.spi;

import java.util.Optional;

/**
 * Keeps the latest snapshot per stream. Implementations must be thread-safe; a save of an
 * older version than the stored one may be ignored.
 */
public interface SnapshotStore {

    /** The latest snapshot of {@code streamId}, if any. */
    Optional<Snapshot> load(String streamId);

    /** Stores {@code snapshot}, replacing an older one. */
    void save(Snapshot snapshot);
}
