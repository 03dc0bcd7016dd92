package dev.comptoir.core.claimsourcing;

import dev.comptoir.core.refundsaga.RefundSagaEvent;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.RecordedEvent;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stored claim or refund-saga event in the reference's envelope (seed-behaviour §5.3):
 * {@code event_id, event_type, aggregate_id, data, timestamp (UTC ISO-8601 without zone),
 * correlation_id}.
 *
 * <pre>{@code
 * ClaimEnvelope e = ClaimEnvelope.of(recorded, serializer);
 * Map<String, Object> json = e.toMap();
 * }</pre>
 *
 * @param eventId       event id
 * @param eventType     type name
 * @param aggregateId   the claim id (the stream)
 * @param data          the reference payload
 * @param timestamp     UTC, no zone suffix
 * @param correlationId correlation id, or {@code null}
 * @param event         the decoded event ({@link ClaimEvent} or {@link RefundSagaEvent})
 */
public record ClaimEnvelope(String eventId, String eventType, String aggregateId, Map<String, Object> data,
                            String timestamp, String correlationId, Object event) {
    public ClaimEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The envelope of {@code recorded}. */
    public static ClaimEnvelope of(RecordedEvent recorded, EventSerializer serializer) {
        Object event = serializer.deserialize(recorded);
        Map<String, Object> data = switch (event) {
            case ClaimEvent c -> c.data();
            case RefundSagaEvent r -> r.data();
            default -> Map.of();
        };
        return new ClaimEnvelope(recorded.eventId().toString(), recorded.type(), recorded.streamId(), data,
                LocalDateTime.ofInstant(recorded.metadata().timestamp(), ZoneOffset.UTC).toString(),
                recorded.metadata().correlationId(), event);
    }

    /** The envelope as the reference's JSON object (without the decoded event). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id", eventId);
        m.put("event_type", eventType);
        m.put("aggregate_id", aggregateId);
        m.put("data", data);
        m.put("timestamp", timestamp);
        m.put("correlation_id", correlationId);
        return m;
    }
}
