package dev.comptoir.core.memory;

import dev.comptoir.core.refundsaga.AuditEntry;
import dev.comptoir.core.refundsaga.spi.AuditLog;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * Heap {@link AuditLog}. Thread-safe.
 *
 * <pre>{@code
 * AuditLog log = new InMemoryAuditLog();
 * }</pre>
 */
public final class InMemoryAuditLog implements AuditLog {
    private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();
    private final int kept;
    private long count;

    /** A log that keeps everything. */
    public InMemoryAuditLog() {
        this(Integer.MAX_VALUE);
    }

    /** A log that keeps the newest {@code kept} entries ({@link #count()} still counts them all). */
    public InMemoryAuditLog(int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("kept must be >= 1, was " + kept);
        }
        this.kept = kept;
    }

    @Override
    public synchronized void append(AuditEntry e) {
        entries.addLast(Objects.requireNonNull(e, "e"));
        count++;
        if (entries.size() > kept) {
            entries.removeFirst();
        }
    }

    @Override
    public synchronized long count() {
        return count;
    }

    @Override
    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }
}
