package dev.comptoir.eventstore;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about an event besides its payload.
 *
 * <pre>{@code
 * EventMetadata md = EventMetadata.of(clock.instant()).withCorrelationId("saga-7").withCausationId(cause.toString());
 * }</pre>
 *
 * @param timestamp     when the event happened (from the injected clock), never null
 * @param correlationId the conversation it belongs to, or null
 * @param causationId   the id of the message that caused it, or null
 * @param headers       extra string headers (e.g. {@code service}, {@code revision}); never null
 */
public record EventMetadata(Instant timestamp, String correlationId, String causationId, Map<String, String> headers) {

    public EventMetadata {
        Objects.requireNonNull(timestamp, "timestamp");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Metadata with only a timestamp. */
    public static EventMetadata of(Instant timestamp) {
        return new EventMetadata(timestamp, null, null, Map.of());
    }

    /** A copy with the given correlation id. */
    public EventMetadata withCorrelationId(String id) {
        return new EventMetadata(timestamp, id, causationId, headers);
    }

    /** A copy with the given causation id. */
    public EventMetadata withCausationId(String id) {
        return new EventMetadata(timestamp, correlationId, id, headers);
    }

    /** A copy with one more header. */
    public EventMetadata withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        var copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return new EventMetadata(timestamp, correlationId, causationId, copy);
    }
}
