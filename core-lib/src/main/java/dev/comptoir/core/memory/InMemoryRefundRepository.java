package dev.comptoir.core.memory;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.refund.ClaimRefund;
import dev.comptoir.core.refund.RefundRepository;
import dev.comptoir.core.refund.RefundStats;
import dev.comptoir.core.refund.RefundStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link RefundRepository} in memory (claim refunds). Thread-safe (one lock). */
public final class InMemoryRefundRepository implements RefundRepository {
    private final Map<ClaimId, ClaimRefund> byClaim = new HashMap<>();
    private final Map<String, ClaimId> claimByCorrelation = new HashMap<>();

    @Override
    public synchronized Optional<ClaimRefund> insertIfAbsent(ClaimRefund refund) {
        Objects.requireNonNull(refund, "refund");
        ClaimRefund existing = byClaim.get(refund.claimId());
        if (existing != null) {
            return Optional.of(existing);
        }
        ClaimId other = claimByCorrelation.get(refund.correlationId());
        if (other != null) {
            return Optional.of(byClaim.get(other));
        }
        byClaim.put(refund.claimId(), refund);
        claimByCorrelation.put(refund.correlationId(), refund.claimId());
        return Optional.empty();
    }

    @Override
    public synchronized Optional<ClaimRefund> findByClaim(ClaimId claimId) {
        return Optional.ofNullable(byClaim.get(claimId));
    }

    @Override
    public synchronized Optional<ClaimRefund> findByCorrelation(String correlationId) {
        ClaimId id = claimByCorrelation.get(correlationId);
        return id == null ? Optional.empty() : Optional.of(byClaim.get(id));
    }

    @Override
    public synchronized ClaimRefund update(ClaimId claimId, UnaryOperator<ClaimRefund> change) {
        ClaimRefund current = byClaim.get(claimId);
        if (current == null) {
            throw ComptoirException.notFound("refund", claimId);
        }
        ClaimRefund next = Objects.requireNonNull(change.apply(current), "change returned null");
        if (!next.claimId().equals(claimId) || !next.correlationId().equals(current.correlationId())) {
            throw new IllegalArgumentException("a refund's claim id and correlation id cannot change");
        }
        byClaim.put(claimId, next);
        return next;
    }

    @Override
    public synchronized RefundStats stats() {
        Map<RefundStatus, Long> n = new java.util.EnumMap<>(RefundStatus.class);
        byClaim.values().forEach(r -> n.merge(r.status(), 1L, Long::sum));
        return new RefundStats(n.getOrDefault(RefundStatus.PROCESSING, 0L), n.getOrDefault(RefundStatus.COMPLETED, 0L),
                n.getOrDefault(RefundStatus.FAILED, 0L), n.getOrDefault(RefundStatus.COMPENSATED, 0L));
    }
}
