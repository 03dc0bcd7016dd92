package dev.comptoir.eventstore.internal;

import dev.comptoir.eventstore.spi.Snapshot;
import dev.comptoir.eventstore.spi.SnapshotStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Snapshots in a concurrent map. */
public final class InMemorySnapshotStore implements SnapshotStore {
    private final ConcurrentHashMap<String, Snapshot> map = new ConcurrentHashMap<>();

    @Override
    public Optional<Snapshot> load(String streamId) {
        return Optional.ofNullable(map.get(streamId));
    }

    @Override
    public void save(Snapshot snapshot) {
        map.merge(snapshot.streamId(), snapshot, (old, neu) -> neu.version() >= old.version() ? neu : old);
    }
}
