package dev.comptoir.eventstore.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored aggregate state at a stream version.
 *
 * @param streamId the stream
 * @param version  the stream version the state includes
 * @param state    the state as JSON text
 * @param takenAt  when it was taken
 */
public record Snapshot(String streamId, long version, String state, Instant takenAt) {
    public Snapshot {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(takenAt, "takenAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }
}
