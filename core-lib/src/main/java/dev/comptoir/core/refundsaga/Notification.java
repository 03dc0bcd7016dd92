package dev.comptoir.core.refundsaga;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification sent by the notification subscriber (seed-behaviour §4.2).
 *
 * @param notificationId {@code notif_<unix s>_<event>} or {@code sms_<unix s>_<event>}
 * @param type           {@code email} or {@code sms}
 * @param recipient      e-mail address or phone number
 * @param subject        subject (e-mail) or null
 * @param body           text
 * @param eventType      the event that caused it
 * @param eventId        that event's id
 * @param claimId        the claim
 * @param sentAt         when (from the injected clock)
 */
public record Notification(String notificationId, String type, String recipient, String subject, String body,
                           String eventType, String eventId, String claimId, Instant sentAt) {
    public Notification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
