package dev.comptoir.core.refundsaga;

import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Appends an event caused by another one to the event store (never to the bus: the outbox relay
 * publishes it). The event id is derived from the service, the cause and the type, so handling
 * the same cause again appends nothing.
 */
final class Emitter {
    private final EventStore store;
    private final EventSerializer serializer;
    private final Clock clock;
    private final String service;

    Emitter(EventStore store, EventSerializer serializer, Clock clock, String service) {
        this.store = Objects.requireNonNull(store, "store");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.service = Objects.requireNonNull(service, "service");
    }

    void emit(RecordedEvent cause, Object event) {
        String type = serializer.typeOf(event);
        UUID id = UUID.nameUUIDFromBytes((service + ":" + cause.eventId() + ":" + type).getBytes(StandardCharsets.UTF_8));
        EventMetadata md = EventMetadata.of(clock.instant()).withCorrelationId(cause.metadata().correlationId())
                .withCausationId(cause.eventId().toString()).withHeader("service", service);
        store.append(cause.streamId(), ExpectedVersion.any(), serializer.envelope(id, event, md));
    }

    Clock clock() {
        return clock;
    }
}
