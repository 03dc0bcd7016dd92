package dev.comptoir.core.payment;

import dev.comptoir.saga.VirtualClock;
import static dev.comptoir.core.customer.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.ComptoirException.Kind;
import dev.comptoir.core.memory.InMemoryPaymentRepository;
import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {
    private final VirtualClock clock = VirtualClock.at("2026-01-15T10:00:00Z");
    private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(new SplittableRandom(5), FailurePolicy.disabled());
    private final PaymentService payments = new PaymentService(new InMemoryPaymentRepository(), gateway, clock, new SplittableRandom(6));

    private static ChargeRequest charge(String id, String amount) {
        return new ChargeRequest(TransactionId.of(id), "customer_1", Money.of(amount), null, null,
                CardDetails.fromNumber("4111-1111-1111-1234", null, null, null));
    }

    @Test
    void process_approved_completesWithCapturedAmountAndCode() {
        PaymentOutcome out = payments.process(charge("txn-1", "112.08"));

        assertThat(out).isInstanceOf(PaymentOutcome.Approved.class);
        Payment p = out.payment();
        assertThat(p.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(p.capturedAmount()).isEqualTo(Money.of("112.08"));
        assertThat(p.authorizationCode()).startsWith("AUTH_");
        assertThat(p.currency()).isEqualTo("CAD");
        assertThat(p.card().lastFour()).isEqualTo("1234");
        assertThat(out.replayed()).isFalse();
        assertThat(payments.get(TransactionId.of("txn-1"))).isEqualTo(p);
    }

    @Test
    void process_sameKeyTwice_returnsFirstOutcomeWithoutSecondCharge() {
        PaymentOutcome first = payments.process(charge("txn-1", "50.00"));

        PaymentOutcome again = payments.process(charge("txn-1", "50.00"));

        assertThat(again).isEqualTo(new PaymentOutcome.Approved(first.payment(), true));
        assertThat(payments.metrics().totalTransactions()).isEqualTo(1);
    }

    @Test
    void process_declinedThenPolicyDisabled_replaysTheDecline() {
        gateway.configure(FailurePolicy.fromPercent(new BigDecimal("100"), List.of()));
        PaymentOutcome first = payments.process(charge("txn-1", "50.00"));
        gateway.reset();

        PaymentOutcome again = payments.process(charge("txn-1", "50.00"));

        assertThat(first).isInstanceOfSatisfying(PaymentOutcome.Declined.class, d -> {
            assertThat(FailurePolicy.DECLINE_REASONS).contains(d.reason());
            assertThat(d.payment().status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(d.payment().errorCode()).isEqualTo("PAYMENT_DECLINED");
            assertThat(d.payment().capturedAmount()).isEqualTo(Money.ZERO);
        });
        assertThat(again).isEqualTo(new PaymentOutcome.Declined(first.payment(), true));
    }

    @Test
    void process_failureAmount_isDeclinedWithSimulatedMessage() {
        gateway.configure(FailurePolicy.fromPercent(BigDecimal.ZERO, List.of(Money.of("666.66"))));

        PaymentOutcome out = payments.process(charge("txn-1", "666.66"));
        PaymentOutcome other = payments.process(charge("txn-2", "666.00"));

        assertThat(out).isInstanceOfSatisfying(PaymentOutcome.Declined.class,
                d -> assertThat(d.reason()).isEqualTo("Échec simulé pour le montant 666.66"));
        assertThat(other).isInstanceOf(PaymentOutcome.Approved.class);
    }

    @Test
    void process_sameKeyOtherAmount_throwsConflict() {
        payments.process(charge("txn-1", "50.00"));

        assertThatThrownBy(() -> payments.process(charge("txn-1", "51.00")))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "transaction_id"));
    }

    @Test
    void process_gatewayThrows_recordsFailedPaymentWithGatewayError() {
        PaymentGateway broken = new PaymentGateway() {
            @Override
            public GatewayDecision authorize(ChargeRequest request) {
                throw new IllegalStateException("connection reset");
            }

            @Override
            public GatewayDecision capture(Payment authorized, Money amount) {
                throw new UnsupportedOperationException();
            }

            @Override
            public GatewayDecision voidAuthorization(Payment authorized) {
                throw new UnsupportedOperationException();
            }

            @Override
            public GatewayDecision refund(Payment captured, Money amount, String refundId) {
                throw new UnsupportedOperationException();
            }
        };
        PaymentService service = new PaymentService(new InMemoryPaymentRepository(), broken, clock, new SplittableRandom(1));

        PaymentOutcome out = service.process(charge("txn-1", "10.00"));

        assertThat(out).isInstanceOfSatisfying(PaymentOutcome.Declined.class, d -> {
            assertThat(d.payment().errorCode()).isEqualTo(Payment.GATEWAY_ERROR);
            assertThat(d.reason()).contains("connection reset");
        });
    }

    @Test
    void chargeRequest_invalidAmountOrMissingFields_throwInvalidInput() {
        assertThatThrownBy(() -> charge("t", "0.00"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "amount"));
        assertThatThrownBy(() -> new ChargeRequest(TransactionId.of("t"), " ", Money.of("1.00"), null, null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "customer_id"));
        assertThatThrownBy(() -> TransactionId.of(""))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "transaction_id"));
        assertThatThrownBy(() -> CardDetails.fromNumber("4111-abcd", null, null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "card_details.number"));
    }

    @Test
    void authorizeThenCapture_partialCapture_completesForCapturedAmount() {
        PaymentOutcome auth = payments.authorize(charge("txn-1", "100.00"));
        assertThat(auth.payment().status()).isEqualTo(PaymentStatus.AUTHORIZED);

        Payment captured = payments.capture(TransactionId.of("txn-1"), Money.of("80.00"));

        assertThat(captured.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(captured.capturedAmount()).isEqualTo(Money.of("80.00"));
        assertThat(payments.capture(TransactionId.of("txn-1"), null)).isEqualTo(captured);
    }

    @Test
    void capture_tooMuchOrNotAuthorized_isRefused() {
        payments.authorize(charge("txn-1", "100.00"));
        gateway.configure(FailurePolicy.ofRate(BigDecimal.ONE));
        payments.authorize(charge("txn-2", "100.00"));

        assertThatThrownBy(() -> payments.capture(TransactionId.of("txn-1"), Money.of("100.01")))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "amount"));
        assertThatThrownBy(() -> payments.capture(TransactionId.of("txn-2"), null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
    }

    @Test
    void voidAuthorization_authorized_voidsIdempotently_butNotCaptured() {
        payments.authorize(charge("txn-1", "100.00"));
        payments.process(charge("txn-2", "100.00"));

        Payment voided = payments.voidAuthorization(TransactionId.of("txn-1"));

        assertThat(voided.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(payments.voidAuthorization(TransactionId.of("txn-1"))).isEqualTo(voided);
        assertThatThrownBy(() -> payments.voidAuthorization(TransactionId.of("txn-2")))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
    }

    @Test
    void refund_partialThenRest_movesToPartiallyRefundedThenRefunded() {
        payments.process(charge("txn-1", "100.00"));

        PaymentRefund r1 = payments.refund(new RefundPayment(TransactionId.of("txn-1"), Money.of("30.00"), null));
        Payment afterFirst = payments.get(TransactionId.of("txn-1"));
        PaymentRefund r2 = payments.refund(new RefundPayment(TransactionId.of("txn-1"), Money.of("70.00"), "Défectueux"));
        Payment afterSecond = payments.get(TransactionId.of("txn-1"));

        assertThat(r1.reason()).isEqualTo("Customer request");
        assertThat(r1.status()).isEqualTo("completed");
        assertThat(r1.refundId()).matches("[0-9a-f-]{36}");
        assertThat(afterFirst.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(afterSecond.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(afterSecond.refundedAmount()).isEqualTo(Money.of("100.00"));
        assertThat(payments.refundsOf(TransactionId.of("txn-1"))).containsExactly(r1, r2);
    }

    @Test
    void refund_moreThanRefundable_throwsInvalidInputAndRefundsNothing() {
        payments.process(charge("txn-1", "100.00"));
        payments.refund(new RefundPayment(TransactionId.of("txn-1"), Money.of("60.00"), null));

        assertThatThrownBy(() -> payments.refund(new RefundPayment(TransactionId.of("txn-1"), Money.of("40.01"), null)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "refund_amount"));
        assertThat(payments.get(TransactionId.of("txn-1")).refundedAmount()).isEqualTo(Money.of("60.00"));
    }

    @Test
    void refund_uncapturedOrUnknownPayment_isRefused() {
        payments.authorize(charge("txn-1", "100.00"));
        gateway.configure(FailurePolicy.ofRate(BigDecimal.ONE));
        payments.process(charge("txn-2", "100.00"));

        assertThatThrownBy(() -> payments.refund(new RefundPayment(TransactionId.of("txn-1"), Money.of("1.00"), null)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
        assertThatThrownBy(() -> payments.refund(new RefundPayment(TransactionId.of("txn-2"), Money.of("1.00"), null)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
        assertThatThrownBy(() -> payments.refund(new RefundPayment(TransactionId.of("nope"), Money.of("1.00"), null)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "transaction"));
        assertThatThrownBy(() -> new RefundPayment(TransactionId.of("txn-1"), Money.of("-1.00"), null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "refund_amount"));
    }

    @Test
    void metrics_afterMixedActivity_reportTotalsAndSuccessRate() {
        payments.process(charge("a", "100.00"));
        payments.process(charge("b", "50.00"));
        gateway.configure(FailurePolicy.ofRate(BigDecimal.ONE));
        payments.process(charge("c", "10.00"));
        payments.process(charge("d", "10.00"));
        payments.refund(new RefundPayment(TransactionId.of("a"), Money.of("25.00"), null));

        PaymentMetrics m = payments.metrics();

        assertThat(m.totalTransactions()).isEqualTo(4);
        assertThat(m.completedTransactions()).isEqualTo(2);
        assertThat(m.failedTransactions()).isEqualTo(2);
        assertThat(m.successRate()).isEqualByComparingTo("0.5");
        assertThat(m.totalAmountProcessed()).isEqualTo(Money.of("150.00"));
        assertThat(m.totalRefunds()).isEqualTo(1);
        assertThat(m.totalRefundAmount()).isEqualTo(Money.of("25.00"));
    }

    @Test
    void process_sameSeeds_giveSameOutcomes() {
        List<String> a = seededRun();
        List<String> b = seededRun();

        assertThat(a).isEqualTo(b);
        assertThat(a).anyMatch(s -> s.startsWith("FAILED")).anyMatch(s -> s.startsWith("COMPLETED"));
    }

    private List<String> seededRun() {
        SimulatedPaymentGateway g = new SimulatedPaymentGateway(new SplittableRandom(99), FailurePolicy.ofRate(new BigDecimal("0.4")));
        PaymentService s = new PaymentService(new InMemoryPaymentRepository(), g, clock, new SplittableRandom(100));
        return java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> s.process(charge("t" + i, "10.00")).payment())
                .map(p -> p.status() + ":" + p.authorizationCode() + ":" + p.declineReason())
                .toList();
    }

    @Test
    void process_keyPendingInAnotherCall_returnsInProgressWithoutCharging() {
        InMemoryPaymentRepository repo = new InMemoryPaymentRepository();
        PaymentService service = new PaymentService(repo, gateway, clock, new SplittableRandom(1));
        repo.insertIfAbsent(Payment.pending(charge("txn-1", "10.00"), clock.instant()));

        PaymentOutcome out = service.process(charge("txn-1", "10.00"));

        assertThat(out).isInstanceOf(PaymentOutcome.InProgress.class);
        assertThat(out.payment().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void process_keyStuckPendingPastTimeout_isTakenOverAndCompleted() {
        InMemoryPaymentRepository repo = new InMemoryPaymentRepository();
        PaymentService service = new PaymentService(repo, gateway, clock, new SplittableRandom(1), java.time.Duration.ofMinutes(2));
        repo.insertIfAbsent(Payment.pending(charge("txn-1", "10.00"), clock.instant()));
        clock.advance(java.time.Duration.ofMinutes(2));

        PaymentOutcome out = service.process(charge("txn-1", "10.00"));

        assertThat(out).isInstanceOf(PaymentOutcome.Approved.class);
        assertThat(out.replayed()).isFalse();
        assertThat(service.get(TransactionId.of("txn-1")).status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(service.process(charge("txn-1", "10.00")).replayed()).isTrue();
    }
}
