package dev.comptoir.core.refundsaga;

import dev.comptoir.core.claimsourcing.ClaimEvent;
import dev.comptoir.core.claimsourcing.ClaimEventTypes;
import dev.comptoir.core.refundsaga.spi.AuditLog;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.RecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The audit subscriber (group {@code audit-service} on {@code events:all}, seed-behaviour §4.3):
 * records the five claim lifecycle events in the audit trail; other events are acknowledged and
 * ignored.
 *
 * <pre>{@code
 * var audit = new AuditSubscriber(new InMemoryAuditLog(), serializer, clock);
 * }</pre>
 */
public final class AuditSubscriber {
    /** Consumer group. */
    public static final String GROUP = "audit-service";
    /** Consumer name. */
    public static final String CONSUMER = "audit-worker-1";

    private final AuditLog log;
    private final EventSerializer serializer;
    private final Clock clock;

    public AuditSubscriber(AuditLog log, EventSerializer serializer, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Handles one event. */
    public void handle(RecordedEvent e) {
        if (!ClaimEventTypes.CLAIM_TYPES.contains(e.type())) {
            return;
        }
        ClaimEvent event = serializer.deserialize(e, ClaimEvent.class);
        Instant now = clock.instant();
        Instant at = e.metadata().timestamp();
        double latency = Duration.between(at, now).toMillis() / 1000.0;
        log.append(new AuditEntry("audit_" + now.getEpochSecond() + "_" + e.eventId(), e.eventId().toString(), e.type(),
                e.streamId(), e.metadata().correlationId(), now, at, event.data(), latency));
    }
}
