package dev.comptoir.core.refundsaga;

import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.refund.ClaimRefund;
import dev.comptoir.core.refund.RefundCalculator;
import dev.comptoir.core.refund.RefundDecision;
import dev.comptoir.core.refund.RefundRepository;
import dev.comptoir.core.refund.RefundService;
import dev.comptoir.core.refund.RefundStatus;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.RecordedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The refund-payment participant (seed-behaviour §4.8, §5.2): on {@code SagaRemboursementDemarree}
 * computes the refund with A2's calculator and eligibility rule and records it with its claim id
 * (one per claim, idempotent by correlation id), then emits {@code RemboursementCalcule}, or
 * {@code RemboursementAnnule} (F1) when the product is not eligible or the injected payment
 * failure fires; on {@code SagaRemboursementEchouee} marks a known refund compensated and emits
 * {@code RemboursementAnnule} (C1).
 *
 * <pre>{@code
 * var payment = new RefundPaymentParticipant(refunds, RefundCalculator.withoutCatalogue(), store, serializer, clock, random);
 * payment.handle(recordedEvent);   // or through a BusConsumer of group refund-payment-group
 * }</pre>
 *
 * <p>Thread-safe when its ports are; consumers call it one message at a time.
 */
public final class RefundPaymentParticipant {
    /** Consumer group. */
    public static final String GROUP = "refund-payment-group";
    /** Consumer name. */
    public static final String CONSUMER = "refund-payment-consumer";
    /** Streams it reads. */
    public static final List<String> STREAMS = List.of("events:sagaremboursementdemarree", "events:sagaremboursementechouee");

    private final RefundRepository refunds;
    private final RefundCalculator calculator;
    private final Emitter emitter;
    private final EventSerializer serializer;
    private final RandomGenerator random;
    private volatile double failureRate;

    public RefundPaymentParticipant(RefundRepository refunds, RefundCalculator calculator, EventStore store,
                                    EventSerializer serializer, Clock clock, RandomGenerator random) {
        this.refunds = Objects.requireNonNull(refunds, "refunds");
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.random = Objects.requireNonNull(random, "random");
        this.emitter = new Emitter(store, serializer, clock, "refund-payment-service");
    }

    /** Probability (0..1) that a calculation fails with the reference's "service unavailable" error. */
    public void failureRate(double rate) {
        this.failureRate = rate;
    }

    /** Handles one event (other types are ignored). */
    public void handle(RecordedEvent e) {
        switch (e.type()) {
            case "SagaRemboursementDemarree" ->
                    started(e, serializer.deserialize(e, RefundSagaEvent.SagaRemboursementDemarree.class));
            case "SagaRemboursementEchouee" -> compensate(e);
            default -> {
            }
        }
    }

    private void started(RecordedEvent e, RefundSagaEvent.SagaRemboursementDemarree d) {
        String corr = correlation(e);
        if (refunds.findByCorrelation(corr).isPresent()) {
            return; // duplicate start: no second calculation
        }
        Instant now = emitter.clock().instant();
        ClaimId claim = ClaimId.parse(d.claimId());
        ClaimRefund fresh = new ClaimRefund(claim, corr, d.customerId(), d.productId(), ClaimType.parse(d.claimType()),
                null, RefundStatus.PROCESSING, null, now, now);
        Optional<ClaimRefund> holder = refunds.insertIfAbsent(fresh);
        if (holder.isPresent()) {
            return; // this claim already has a refund (one per claim)
        }
        RefundDecision decision = calculator.decide(d.productId(), fresh.claimType());
        String error = switch (decision) {
            case RefundDecision.NotEligible n -> n.reason();
            case RefundDecision.Eligible el -> injectedFailure() ? RefundService.SIMULATED_FAILURE : null;
        };
        if (error != null) {
            refunds.update(claim, r -> r.movedTo(RefundStatus.FAILED, error, now));
            emitter.emit(e, new RefundSagaEvent.RemboursementAnnule(d.claimId(), error, now,
                    RefundSagaEvent.PAYMENT_CALCULATION_FAILED));
            return;
        }
        RefundDecision.Eligible ok = (RefundDecision.Eligible) decision;
        refunds.update(claim, r -> r.calculated(ok.amount(), now).movedTo(RefundStatus.COMPLETED, null, now));
        emitter.emit(e, new RefundSagaEvent.RemboursementCalcule(d.claimId(), d.customerId(), d.productId(),
                ok.amount().amount(), now));
    }

    private void compensate(RecordedEvent e) {
        Optional<ClaimRefund> known = refunds.findByCorrelation(correlation(e));
        if (known.isEmpty() || known.get().status() == RefundStatus.COMPENSATED) {
            return;
        }
        Instant now = emitter.clock().instant();
        ClaimRefund r = known.get();
        if (r.status().canMoveTo(RefundStatus.COMPENSATED)) {
            refunds.update(r.claimId(), x -> x.movedTo(RefundStatus.COMPENSATED, "inventory adjustment failed", now));
        }
        emitter.emit(e, new RefundSagaEvent.RemboursementAnnule(r.claimId().toString(), null, now,
                RefundSagaEvent.PAYMENT_COMPENSATED));
    }

    private boolean injectedFailure() {
        double rate = failureRate;
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }

    static String correlation(RecordedEvent e) {
        String c = e.metadata().correlationId();
        return c != null ? c : e.streamId();
    }
}
