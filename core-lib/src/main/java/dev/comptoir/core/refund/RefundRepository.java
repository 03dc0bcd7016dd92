package dev.comptoir.core.refund;

import dev.comptoir.core.claim.ClaimId;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Port: claim refunds. Thread-safe. At most one refund per claim id and per correlation id,
 * enforced atomically by {@link #insertIfAbsent}; {@link #update} is atomic per claim.
 */
public interface RefundRepository {

    /**
     * Stores {@code refund} unless its claim id or correlation id is taken.
     *
     * @return empty when stored; otherwise the existing refund holding the claim id or correlation id
     */
    Optional<ClaimRefund> insertIfAbsent(ClaimRefund refund);

    /** The refund of a claim. */
    Optional<ClaimRefund> findByClaim(ClaimId claimId);

    /** The refund with this correlation id. */
    Optional<ClaimRefund> findByCorrelation(String correlationId);

    /**
     * Atomically replaces the refund of a claim by {@code change(current)}; nothing is written if it throws.
     *
     * @throws dev.comptoir.core.ComptoirException NOT_FOUND when absent
     */
    ClaimRefund update(ClaimId claimId, UnaryOperator<ClaimRefund> change);

    /** Counts per status. */
    RefundStats stats();
}
