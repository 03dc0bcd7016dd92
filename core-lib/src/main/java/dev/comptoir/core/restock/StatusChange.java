package dev.comptoir.core.restock;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a request's history.
 *
 * @param from previous state; empty for the creation
 * @param to   new state
 * @param at   when
 * @param note comment, reason or transfer reference
 */
public record StatusChange(Optional<RestockStatus> from, RestockStatus to, Instant at, String note) {
    public StatusChange {
        from = from == null ? Optional.empty() : from;
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        note = Objects.requireNonNullElse(note, "");
    }
}
