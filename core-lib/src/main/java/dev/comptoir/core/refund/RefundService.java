package dev.comptoir.core.refund;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimRepository;
import dev.comptoir.core.claim.ClaimService;
import dev.comptoir.core.claim.ClaimStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Use-cases of claim refunds, the steps of the refund saga (seed-behaviour.md §5.2): request
 * (claim must be resolved; one refund per claim, idempotent by claim id and correlation id),
 * calculate (eligibility + amount, or failure), complete, fail, compensate.
 *
 * <pre>{@code
 * RefundService refunds = new RefundService(new InMemoryRefundRepository(), claimRepository,
 *         RefundCalculator.withCatalogue(catalogue::find), clock, random, BigDecimal.ZERO);
 * refunds.request(claimId, "corr-1");
 * ClaimRefund r = refunds.process(claimId);   // calculate + complete, or failed
 * }</pre>
 *
 * <p>The optional random failure rate reproduces the reference's 5 % "payment service
 * temporarily unavailable" failures, drawn from the injected generator (0 disables it).
 * Thread-safe when its ports are.
 */
public final class RefundService {
    /** Message of a simulated payment failure. */
    public static final String SIMULATED_FAILURE = "Service de paiement temporairement indisponible";
    /** The reference's random failure rate. */
    public static final BigDecimal REFERENCE_FAILURE_RATE = new BigDecimal("0.05");

    private final RefundRepository refunds;
    private final ClaimRepository claims;
    private final RefundCalculator calculator;
    private final Clock clock;
    private final RandomGenerator random;
    private final BigDecimal failureRate;

    public RefundService(RefundRepository refunds, ClaimRepository claims, RefundCalculator calculator, Clock clock,
                         RandomGenerator random, BigDecimal failureRate) {
        this.refunds = Objects.requireNonNull(refunds, "refunds");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.failureRate = Objects.requireNonNull(failureRate, "failureRate");
        if (failureRate.signum() < 0 || failureRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("failureRate must be in 0..1, was " + failureRate);
        }
    }

    /**
     * Opens the refund of a resolved claim, or returns the existing one.
     *
     * @param correlationId the saga's correlation id, or null to generate one
     * @throws ComptoirException NOT_FOUND for an unknown claim; CONFLICT when the claim is not
     *                           resolved, or when the correlation id belongs to another claim's refund
     */
    public RefundRequest request(ClaimId claimId, String correlationId) {
        Objects.requireNonNull(claimId, "claimId");
        Claim claim = claims.find(claimId).orElseThrow(() -> ClaimService.notFound(claimId));
        Optional<ClaimRefund> existing = refunds.findByClaim(claimId);
        if (existing.isPresent()) {
            return new RefundRequest.AlreadyRequested(existing.get());
        }
        if (claim.status() != ClaimStatus.RESOLVED) {
            throw ComptoirException.conflict("status", "Claim must be resolved before refund");
        }
        String corr = correlationId == null || correlationId.isBlank() ? newCorrelationId() : correlationId.trim();
        Instant now = now();
        ClaimRefund fresh = new ClaimRefund(claimId, corr, claim.customerId(), claim.productId(), claim.type(), null,
                RefundStatus.PROCESSING, null, now, now);
        Optional<ClaimRefund> holder = refunds.insertIfAbsent(fresh);
        if (holder.isEmpty()) {
            return new RefundRequest.Started(fresh);
        }
        if (!holder.get().claimId().equals(claimId)) {
            throw ComptoirException.conflict("correlation_id", "correlation id " + corr + " belongs to the refund of claim "
                    + holder.get().claimId());
        }
        return new RefundRequest.AlreadyRequested(holder.get());
    }

    /**
     * The payment step: decides eligibility and amount. A non-eligible product or a simulated
     * failure ends the refund {@code failed}; otherwise the amount is recorded and it stays
     * {@code processing}. Calling it again returns the refund unchanged.
     */
    public ClaimRefund calculate(ClaimId claimId) {
        Instant now = now();
        return refunds.update(claimId, r -> {
            if (r.status() != RefundStatus.PROCESSING || r.amount() != null) {
                return r;
            }
            return switch (calculator.decide(r.productId(), r.claimType())) {
                case RefundDecision.NotEligible n -> r.movedTo(RefundStatus.FAILED, n.reason(), now);
                case RefundDecision.Eligible e -> simulatedFailure()
                        ? r.movedTo(RefundStatus.FAILED, SIMULATED_FAILURE, now)
                        : r.calculated(e.amount(), now);
            };
        });
    }

    /** Marks a calculated refund completed (idempotent); CONFLICT if not calculated or already final. */
    public ClaimRefund complete(ClaimId claimId) {
        Instant now = now();
        return refunds.update(claimId, r -> {
            if (r.status() == RefundStatus.COMPLETED) {
                return r;
            }
            if (r.amount() == null) {
                throw ComptoirException.conflict("amount", "refund of claim " + claimId + " has not been calculated");
            }
            return r.movedTo(RefundStatus.COMPLETED, null, now);
        });
    }

    /** Marks a processing refund failed (idempotent on failed). */
    public ClaimRefund fail(ClaimId claimId, String reason) {
        Instant now = now();
        return refunds.update(claimId, r -> r.status() == RefundStatus.FAILED ? r
                : r.movedTo(RefundStatus.FAILED, Objects.requireNonNullElse(reason, "failed"), now));
    }

    /** Undoes a processing or completed refund (idempotent on compensated). */
    public ClaimRefund compensate(ClaimId claimId, String reason) {
        Instant now = now();
        return refunds.update(claimId, r -> r.status() == RefundStatus.COMPENSATED ? r
                : r.movedTo(RefundStatus.COMPENSATED, Objects.requireNonNullElse(reason, "compensated"), now));
    }

    /** {@link #calculate} then {@link #complete} when still processing: the whole refund in one call. */
    public ClaimRefund process(ClaimId claimId) {
        ClaimRefund r = calculate(claimId);
        return r.status() == RefundStatus.PROCESSING ? complete(claimId) : r;
    }

    /** The refund of a claim; NOT_FOUND when absent. */
    public ClaimRefund get(ClaimId claimId) {
        return refunds.findByClaim(claimId).orElseThrow(() -> ComptoirException.notFound("refund", claimId));
    }

    /** The refund with this correlation id. */
    public Optional<ClaimRefund> findByCorrelation(String correlationId) {
        return refunds.findByCorrelation(correlationId);
    }

    /** Counts per status. */
    public RefundStats stats() {
        return refunds.stats();
    }

    private boolean simulatedFailure() {
        if (failureRate.signum() == 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < failureRate.doubleValue();
        }
    }

    private String newCorrelationId() {
        long hi;
        long lo;
        synchronized (random) {
            hi = random.nextLong();
            lo = random.nextLong();
        }
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /** The clock's time at the microsecond, the precision every adapter stores. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
