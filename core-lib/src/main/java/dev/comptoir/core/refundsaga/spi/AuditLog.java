package dev.comptoir.core.refundsaga.spi;

import dev.comptoir.core.refundsaga.AuditEntry;
import java.util.List;

/**
 * Port: the audit trail of claim events. Thread-safe.
 *
 * <pre>{@code
 * log.append(entry);
 * log.byAggregate(claimId);   // a full lifecycle → 5 entries
 * }</pre>
 */
public interface AuditLog {

    /** Records an entry. */
    void append(AuditEntry e);

    /** The entries kept (all of them unless the log prunes old ones), oldest first. */
    List<AuditEntry> all();

    /** Entries recorded so far, pruned ones included. */
    default long count() {
        return all().size();
    }

    /** Entries of one aggregate (claim), oldest first. */
    default List<AuditEntry> byAggregate(String aggregateId) {
        return all().stream().filter(e -> e.aggregateId().equals(aggregateId)).toList();
    }
}
