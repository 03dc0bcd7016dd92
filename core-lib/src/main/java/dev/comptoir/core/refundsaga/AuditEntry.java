package dev.comptoir.core.refundsaga;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code audit_trail} entry (seed-behaviour §4.3).
 *
 * @param auditId          {@code audit_<unix s>_<event_id>}
 * @param eventId          the audited event
 * @param eventType        its type
 * @param aggregateId      its claim
 * @param correlationId    its correlation id, or null
 * @param timestamp        when it was audited (injected clock)
 * @param eventTimestamp   when the event happened
 * @param eventData        its reference payload
 * @param latencySeconds   {@code timestamp − eventTimestamp} in seconds
 */
public record AuditEntry(String auditId, String eventId, String eventType, String aggregateId, String correlationId,
                         Instant timestamp, Instant eventTimestamp, Map<String, Object> eventData,
                         double latencySeconds) {
    /** {@code audit_type}. */
    public static final String AUDIT_TYPE = "EVENT_PROCESSED";
    /** {@code processed_by}. */
    public static final String PROCESSED_BY = "audit-service";

    public AuditEntry {
        Objects.requireNonNull(auditId, "auditId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        eventData = eventData == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(eventData));
    }
}
