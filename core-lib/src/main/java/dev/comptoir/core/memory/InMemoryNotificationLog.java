package dev.comptoir.core.memory;

import dev.comptoir.core.refundsaga.Notification;
import dev.comptoir.core.refundsaga.spi.NotificationLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Heap {@link NotificationLog}. Thread-safe.
 *
 * <pre>{@code
 * NotificationLog log = new InMemoryNotificationLog();
 * }</pre>
 */
public final class InMemoryNotificationLog implements NotificationLog {
    private final List<Notification> sent = new ArrayList<>();

    @Override
    public synchronized void append(Notification n) {
        sent.add(Objects.requireNonNull(n, "n"));
    }

    @Override
    public synchronized List<Notification> all() {
        return List.copyOf(sent);
    }
}
