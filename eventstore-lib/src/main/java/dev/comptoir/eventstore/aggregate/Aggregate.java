package dev.comptoir.eventstore.aggregate;

import java.util.List;
import java.util.Objects;

/**
 * An aggregate's state at a stream version, and the events the last command appended.
 *
 * @param streamId  the stream
 * @param state     the folded state
 * @param version   the stream version folded into {@code state} (0 = new aggregate)
 * @param newEvents the domain events appended by the command that produced this (empty after a load)
 * @param <S>       state type
 */
public record Aggregate<S>(String streamId, S state, long version, List<Object> newEvents) {
    public Aggregate {
        Objects.requireNonNull(streamId, "streamId");
        newEvents = List.copyOf(newEvents);
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, was " + version);
        }
    }

    /** True when the stream has no events. */
    public boolean isNew() {
        return version == 0;
    }
}
