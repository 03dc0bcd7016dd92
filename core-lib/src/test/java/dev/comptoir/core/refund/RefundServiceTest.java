package dev.comptoir.core.refund;

import dev.comptoir.saga.VirtualClock;
import static dev.comptoir.core.customer.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.ComptoirException.Kind;
import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimService;
import dev.comptoir.core.claim.NewClaim;
import dev.comptoir.core.memory.InMemoryClaimRepository;
import dev.comptoir.core.memory.InMemoryRefundRepository;
import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefundServiceTest {
    private final VirtualClock clock = VirtualClock.at("2026-01-15T10:00:00Z");
    private final InMemoryClaimRepository claimRepo = new InMemoryClaimRepository();
    private final ClaimService claims = new ClaimService(claimRepo, clock, new SplittableRandom(1));
    private final RefundService refunds = service(BigDecimal.ZERO);

    private RefundService service(BigDecimal failureRate) {
        return new RefundService(new InMemoryRefundRepository(), claimRepo, RefundCalculator.withoutCatalogue(), clock,
                new SplittableRandom(2), failureRate);
    }

    private Claim resolved(String type, String product) {
        Claim c = claims.create(NewClaim.of("customer_1", type, "Problème", product));
        claims.assign(c.claimId(), "agent");
        claims.start(c.claimId());
        return claims.resolve(c.claimId(), "Remboursement accordé");
    }

    @Test
    void request_resolvedClaim_opensProcessingRefundKeepingClaimId() {
        Claim c = resolved("product_defect", "product_123");

        RefundRequest r = refunds.request(c.claimId(), "corr-1");

        assertThat(r).isInstanceOf(RefundRequest.Started.class);
        assertThat(r.refund().claimId()).isEqualTo(c.claimId());
        assertThat(r.refund().status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(r.refund().correlationId()).isEqualTo("corr-1");
        assertThat(refunds.get(c.claimId())).isEqualTo(r.refund());
    }

    @Test
    void request_twice_returnsTheFirstRefund() {
        Claim c = resolved("product_defect", "product_123");
        RefundRequest first = refunds.request(c.claimId(), "corr-1");

        RefundRequest again = refunds.request(c.claimId(), "corr-2");

        assertThat(again).isEqualTo(new RefundRequest.AlreadyRequested(first.refund()));
        assertThat(refunds.findByCorrelation("corr-2")).isEmpty();
    }

    @Test
    void request_correlationOfAnotherClaim_throwsConflict() {
        refunds.request(resolved("product_defect", "product_123").claimId(), "corr-1");
        Claim other = resolved("billing_error", null);

        assertThatThrownBy(() -> refunds.request(other.claimId(), "corr-1"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "correlation_id"));
    }

    @Test
    void request_unresolvedOrUnknownClaim_isRefused() {
        Claim open = claims.create(NewClaim.of("customer_1", "product_defect", "x", "product_123"));

        assertThatThrownBy(() -> refunds.request(open.claimId(), null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"))
                .hasMessage("Claim must be resolved before refund");
        assertThatThrownBy(() -> refunds.request(new ClaimId(UUID.randomUUID()), null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "claim"));
    }

    @Test
    void process_eligibleClaims_completeWithTableAmounts() {
        Claim defect = resolved("product_defect", "product_123");
        Claim delivery = resolved("delivery_issue", "product_123");
        refunds.request(defect.claimId(), null);
        refunds.request(delivery.claimId(), null);

        ClaimRefund a = refunds.process(defect.claimId());
        ClaimRefund b = refunds.process(delivery.claimId());

        assertThat(a.status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(a.amount()).isEqualTo(Money.of("49.99"));
        assertThat(b.amount()).isEqualTo(Money.of("22.01"));
        assertThat(refunds.process(defect.claimId())).isEqualTo(a);
    }

    @Test
    void process_nonEligibleProduct_endsFailed() {
        Claim c = resolved("product_defect", "product_non_eligible");
        refunds.request(c.claimId(), null);

        ClaimRefund r = refunds.process(c.claimId());

        assertThat(r.status()).isEqualTo(RefundStatus.FAILED);
        assertThat(r.amount()).isNull();
        assertThat(r.failureReason()).contains("non éligible");
    }

    @Test
    void calculate_certainSimulatedFailure_endsFailedWithReferenceMessage() {
        RefundService flaky = service(BigDecimal.ONE);
        Claim c = resolved("product_defect", "product_123");
        flaky.request(c.claimId(), null);

        ClaimRefund r = flaky.calculate(c.claimId());

        assertThat(r.status()).isEqualTo(RefundStatus.FAILED);
        assertThat(r.failureReason()).isEqualTo(RefundService.SIMULATED_FAILURE);
    }

    @Test
    void compensate_completedRefund_becomesCompensated_butFailedCannotComplete() {
        Claim ok = resolved("product_defect", "product_123");
        Claim bad = resolved("product_defect", "product_non_eligible");
        refunds.request(ok.claimId(), null);
        refunds.request(bad.claimId(), null);
        refunds.process(ok.claimId());
        refunds.process(bad.claimId());

        ClaimRefund compensated = refunds.compensate(ok.claimId(), "inventory adjustment failed");

        assertThat(compensated.status()).isEqualTo(RefundStatus.COMPENSATED);
        assertThat(refunds.compensate(ok.claimId(), null)).isEqualTo(compensated);
        assertThatThrownBy(() -> refunds.complete(bad.claimId()))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "amount"));
        assertThatThrownBy(() -> refunds.compensate(bad.claimId(), null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
    }

    @Test
    void stats_afterMixedRefunds_countsPerStatus() {
        for (String product : new String[] {"product_123", "product_456", "product_non_eligible"}) {
            Claim c = resolved("product_defect", product);
            refunds.request(c.claimId(), null);
            refunds.process(c.claimId());
        }
        refunds.request(resolved("billing_error", null).claimId(), null);

        assertThat(refunds.stats()).isEqualTo(new RefundStats(1, 2, 1, 0));
    }
}
