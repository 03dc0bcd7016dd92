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

    /** All notifications, oldest first. */
    List<Notification> all();
}
