package dev.comptoir.eventstore.projection;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a projection is.
 *
 * @param name        the projection
 * @param position    its checkpoint (the last event applied or skipped)
 * @param lag         events in the store after the checkpoint
 * @param lastError   the last failure's message, or null when the last batch succeeded
 * @param lastErrorAt when it happened, or null
 */
public record ProjectionStatus(String name, long position, long lag, String lastError, Instant lastErrorAt) {
    public ProjectionStatus {
        Objects.requireNonNull(name, "name");
    }
}
