package dev.comptoir.core.memory;

import dev.comptoir.core.refundsaga.AuditEntry;
import dev.comptoir.core.refundsaga.spi.AuditLog;
import java.util.ArrayList;
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
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry e) {
        entries.add(Objects.requireNonNull(e, "e"));
    }

    @Override
    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }
}
