package dev.comptoir.core.refundsaga;

import dev.comptoir.core.claimsourcing.ClaimEvent;
import dev.comptoir.core.refundsaga.spi.NotificationLog;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.RecordedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The notification subscriber (group {@code notification-service} on {@code events:all},
 * seed-behaviour §4.2): one e-mail + one SMS to the customer on {@code ReclamationCreee}, an
 * e-mail to the agent on {@code ReclamationAffectee}, e-mails on {@code ReclamationResolue} and
 * {@code ReclamationCloturee}, and on {@code StockMisAJour} the refund e-mail to the real
 * customer ({@code customer_<id>@example.com}) followed by {@code SagaRemboursementTerminee}.
 *
 * <pre>{@code
 * var notifications = new NotificationSubscriber(new InMemoryNotificationLog(), store, serializer, clock);
 * }</pre>
 */
public final class NotificationSubscriber {
    /** Consumer group. */
    public static final String GROUP = "notification-service";
    /** Consumer name. */
    public static final String CONSUMER = "notification-worker-1";

    private final NotificationLog log;
    /** The event types with a notification rule (the cases of {@link #handle}). */
    private static final Set<String> NOTIFIED_TYPES = Set.of("ReclamationCreee", "ReclamationAffectee",
            "ReclamationResolue", "ReclamationCloturee", "StockMisAJour");

    private final EventSerializer serializer;
    private final Emitter emitter;

    public NotificationSubscriber(NotificationLog log, EventStore store, EventSerializer serializer, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.emitter = new Emitter(store, serializer, clock, "notification-service");
    }

    /** Handles one event (types without a rule are ignored). */
    public void handle(RecordedEvent e) {
        if (!NOTIFIED_TYPES.contains(e.type())) {
            return; // no rule for this type: not even worth deserializing
        }
        Object event = serializer.deserialize(e);
        Instant now = emitter.clock().instant();
        String tag = now.getEpochSecond() + "_" + e.eventId().toString().substring(0, 8);
        switch (event) {
            case ClaimEvent.ReclamationCreee c -> {
                log.append(email(tag, "customer_" + c.customerId() + "@example.com", "Réclamation #" + c.claimId() + " créée",
                        "Votre réclamation (" + c.claimType() + ") a été enregistrée.", e, c.claimId(), now));
                log.append(new Notification("sms_" + tag, "sms", "+33123456" + c.customerId(), null,
                        "Réclamation " + c.claimId() + " créée", e.type(), e.eventId().toString(), c.claimId(), now));
            }
            case ClaimEvent.ReclamationAffectee a -> log.append(email(tag, "agent_" + a.agentId() + "@company.com",
                    "Réclamation #" + a.claimId() + " assignée", "La réclamation vous a été assignée.", e, a.claimId(), now));
            case ClaimEvent.ReclamationResolue r -> log.append(email(tag, "customer@example.com",
                    "Réclamation #" + r.claimId() + " résolue", r.resolution(), e, r.claimId(), now));
            case ClaimEvent.ReclamationCloturee c -> log.append(email(tag, "customer@example.com",
                    "Réclamation #" + c.claimId() + " clôturée", "Votre réclamation est clôturée.", e, c.claimId(), now));
            case RefundSagaEvent.StockMisAJour s -> {
                log.append(email(tag, "customer_" + s.customerId() + "@example.com",
                        "Remboursement de la réclamation #" + s.claimId(),
                        "Un remboursement de " + s.refundAmount() + " CAD a été effectué.", e, s.claimId(), now));
                emitter.emit(e, new RefundSagaEvent.SagaRemboursementTerminee(s.claimId(), s.customerId(), s.productId(),
                        s.refundAmount(), now));
            }
            default -> {
            }
        }
    }

    private static Notification email(String tag, String to, String subject, String body, RecordedEvent e, String claim,
                                      Instant now) {
        return new Notification("notif_" + tag, "email", to, subject, body, e.type(), e.eventId().toString(), claim, now);
    }
}
