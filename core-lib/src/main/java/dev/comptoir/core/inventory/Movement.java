package dev.comptoir.core.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the append-only movement journal.
 *
 * @param sequence      position in the journal (increasing, starts at 1)
 * @param kind          what happened
 * @param key           product and location
 * @param onHandDelta   change of on-hand
 * @param reservedDelta change of reserved
 * @param reference     what caused it (sale id, reservation id, transfer id, reason …)
 * @param at            when (the in-memory journal keeps millisecond precision)
 */
public record Movement(long sequence, MovementKind kind, StockKey key, long onHandDelta, long reservedDelta,
                       String reference, Instant at) {
    public Movement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(at, "at");
    }
}
