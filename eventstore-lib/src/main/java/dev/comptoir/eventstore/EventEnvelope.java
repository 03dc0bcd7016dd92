package dev.comptoir.eventstore;

import java.util.Objects;
import java.util.UUID;

/**
 * An event to append: its id (the idempotency key), type name, JSON payload and metadata.
 *
 * <p>Usually built by {@link EventSerializer#envelope(UUID, Object, EventMetadata)}.
 *
 * <pre>{@code
 * var e = new EventEnvelope(UUID.randomUUID(), "ClaimCreated", "{\"claimId\":\"42\"}", EventMetadata.of(now));
 * }</pre>
 *
 * @param eventId  unique id; appending an id that is already stored is a no-op
 * @param type     event type name, e.g. {@code ReclamationCreee}
 * @param payload  JSON object text
 * @param metadata metadata
 */
public record EventEnvelope(UUID eventId, String type, String payload, EventMetadata metadata) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
    }
}
