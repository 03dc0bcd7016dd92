package dev.comptoir.core.refundsaga.spi;

import dev.comptoir.core.refundsaga.Notification;
import java.util.List;

/**
 * Port: notifications sent by the notification subscriber. Thread-safe.
 *
 * <pre>{@code
 * log.append(notification);
 * }</pre>
 */
public interface NotificationLog {

    /** Records a sent notification. */
    void append(Notification n);

    /** The notifications kept (all of them unless the log prunes old ones), oldest first. */
    List<Notification> all();

    /** Notifications recorded so far, pruned ones included. */
    default long count() {
        return all().size();
    }
}
