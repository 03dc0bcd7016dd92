package dev.comptoir.core.claimsourcing;

import java.time.Instant;

/**
 * Rows of the three claims statistics read models (seed-behaviour §5.3).
 *
 * <pre>{@code
 * ClaimStatsRows.Customer c = model.customerStats().get("customer_1");
 * }</pre>
 */
public final class ClaimStatsRows {
    private ClaimStatsRows() {
    }

    /** {@code customer_stats_read_models}. */
    public record Customer(String customerId, long totalClaims, long activeClaims, long resolvedClaims,
                           long closedClaims, Instant lastClaimDate, Instant updatedAt) {
    }

    /** {@code agent_stats_read_models}. */
    public record Agent(String agentId, long totalAssignedClaims, long activeClaims, long resolvedClaims,
                        Instant lastAssignmentDate, Instant updatedAt) {
    }

    /** {@code claim_type_stats_read_models}. */
    public record ClaimType(String claimType, long totalClaims, long createdClaims, long assignedClaims,
                            long inProgressClaims, long resolvedClaims, long closedClaims, Instant updatedAt) {
    }
}
