package dev.comptoir.core.memory;

import dev.comptoir.core.refundsaga.Notification;
import dev.comptoir.core.refundsaga.spi.NotificationLog;
import java.util.ArrayDeque;
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
    private final ArrayDeque<Notification> sent = new ArrayDeque<>();
    private final int kept;
    private long count;

    /** A log that keeps everything. */
    public InMemoryNotificationLog() {
        this(Integer.MAX_VALUE);
    }

    /** A log that keeps the newest {@code kept} entries ({@link #count()} still counts them all). */
    public InMemoryNotificationLog(int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("kept must be >= 1, was " + kept);
        }
        this.kept = kept;
    }

    @Override
    public synchronized void append(Notification n) {
        sent.addLast(Objects.requireNonNull(n, "n"));
        count++;
        if (sent.size() > kept) {
            sent.removeFirst();
        }
    }

    @Override
    public synchronized long count() {
        return count;
    }

    @Override
    public synchronized List<Notification> all() {
        return List.copyOf(sent);
    }
}
