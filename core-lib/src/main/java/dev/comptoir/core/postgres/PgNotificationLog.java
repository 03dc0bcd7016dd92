package dev.comptoir.core.postgres;

import dev.comptoir.core.refundsaga.Notification;
import dev.comptoir.core.refundsaga.spi.NotificationLog;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link NotificationLog} in table {@code notifications} (migration V101). Thread-safe.
 *
 * <pre>{@code
 * ClaimsModule.builder(store, refunds).notifications(new PgNotificationLog(db.jdbi()));
 * }</pre>
 */
public final class PgNotificationLog implements NotificationLog {
    private final Jdbi jdbi;

    public PgNotificationLog(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void append(Notification n) {
        PgRefundSagaAdjustments.call("storing a notification", () -> jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO notifications (notification_id, type, recipient, subject, body, event_type, event_id,"
                                + " claim_id, sent_at) VALUES (:id, :type, :to, :subject, :body, :et, :eid, :claim, :at)")
                .bind("id", n.notificationId()).bind("type", n.type()).bind("to", n.recipient()).bind("subject", n.subject())
                .bind("body", n.body()).bind("et", n.eventType()).bind("eid", n.eventId()).bind("claim", n.claimId())
                .bind("at", n.sentAt()).execute()));
    }

    @Override
    public List<Notification> all() {
        return PgRefundSagaAdjustments.call("listing notifications", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT notification_id, type, recipient, subject, body, event_type, event_id, claim_id, sent_at"
                                + " FROM notifications ORDER BY seq")
                .map((rs, ctx) -> new Notification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list()));
    }

    @Override
    public long count() {
        return PgRefundSagaAdjustments.call("counting notifications", () -> jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM notifications").mapTo(Long.class).one()));
    }
}
