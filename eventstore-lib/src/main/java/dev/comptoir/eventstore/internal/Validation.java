package dev.comptoir.eventstore.internal;

import dev.comptoir.eventstore.AppendResult;
import dev.comptoir.eventstore.EventEnvelope;
import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.RecordedEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Argument checks and idempotency rules shared by the stores. */
final class Validation {

    private Validation() {
    }

    static void append(String streamId, ExpectedVersion expected, List<EventEnvelope> events) {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(events, "events");
        if (streamId.isBlank()) {
            throw EventStoreException.invalid("stream id must not be blank");
        }
        if (events.isEmpty()) {
            throw EventStoreException.invalid("append to stream " + streamId + " has no events");
        }
        if (events.size() == 1) {
            Objects.requireNonNull(events.get(0), "event");
            return; // nothing to repeat (the common single-event append skips the set)
        }
        var ids = new HashSet<>();
        for (EventEnvelope e : events) {
            if (!ids.add(e.eventId())) {
                throw EventStoreException.invalid("append to stream " + streamId + " repeats event id " + e.eventId());
            }
        }
    }

    static void read(int maxCount) {
        if (maxCount < 1) {
            throw EventStoreException.invalid("maxCount must be >= 1, was " + maxCount);
        }
    }

    /** The outcome of an append some of whose ids are already stored. */
    static AppendResult duplicateOutcome(String streamId, int batchSize, List<RecordedEvent> stored) {
        if (stored.size() != batchSize) {
            throw EventStoreException.partialDuplicate(streamId, stored.size(), batchSize);
        }
        for (RecordedEvent e : stored) {
            if (!e.streamId().equals(streamId)) {
                throw EventStoreException.invalid("event id " + e.eventId() + " is already stored in stream "
                        + e.streamId() + ", not " + streamId);
            }
        }
        long version = stored.stream().mapToLong(RecordedEvent::streamVersion).max().orElseThrow();
        return new AppendResult.AlreadyAppended(streamId, version,
                stored.stream().map(RecordedEvent::position).toList());
    }
}
