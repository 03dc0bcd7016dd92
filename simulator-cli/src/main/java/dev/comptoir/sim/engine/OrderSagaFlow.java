package dev.comptoir.sim.engine;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.ReservationId;
import dev.comptoir.core.inventory.ReservationLine;
import dev.comptoir.core.inventory.ReservationOutcome;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.payment.ChargeRequest;
import dev.comptoir.core.payment.Payment;
import dev.comptoir.core.payment.PaymentOutcome;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.core.payment.RefundPayment;
import dev.comptoir.core.payment.TransactionId;
import dev.comptoir.saga.RetryPolicy;
import dev.comptoir.saga.SagaDefinition;
import dev.comptoir.saga.StepContext;
import dev.comptoir.saga.StepOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * The orchestrated order saga as the simulator runs it (seed-behaviour §5.1: validate cart →
 * reserve stock → process payment → confirm order, compensated in reverse) over core-lib's
 * {@link InventoryService} and {@link PaymentService}. The saga id is the reservation id and the
 * payment transaction id (decisions §5), which makes every step and compensation idempotent.
 */
final class OrderSagaFlow {
    static final String VALIDATE = "validate-cart";
    static final String RESERVE = "reserve-stock";
    static final String PAY = "process-payment";
    static final String CONFIRM = "confirm-order";

    /** Failure reasons start with these, so compensations can be counted by cause. */
    static final String CAUSE_STOCK = "insufficient stock";
    static final String CAUSE_PAYMENT = "payment declined";

    private final Simulation sim;
    private final InventoryService inventory;
    private final PaymentService payments;
    private final SagaDefinition<OrderData> definition;

    OrderSagaFlow(Simulation sim, InventoryService inventory, PaymentService payments, Duration stepTimeout) {
        this.sim = sim;
        this.inventory = inventory;
        this.payments = payments;
        RetryPolicy retry = RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofSeconds(2));
        RetryPolicy compensationRetry = RetryPolicy.exponential(5, Duration.ofMillis(200), Duration.ofSeconds(5));
        this.definition = SagaDefinition.builder("order", 1, OrderData.class)
                .step(VALIDATE).invoke(this::validate).noCompensation()
                .step(RESERVE).invoke(this::reserve).compensate(this::release)
                    .timeout(stepTimeout).retry(retry).compensationRetry(compensationRetry)
                .step(PAY).invoke(this::pay).compensate(this::refund)
                    .timeout(stepTimeout).retry(retry).compensationRetry(compensationRetry)
                .step(CONFIRM).invoke(this::confirm).pivot().timeout(stepTimeout).retry(retry)
                .build();
    }

    SagaDefinition<OrderData> definition() {
        return definition;
    }

    private StepOutcome<OrderData> validate(StepContext<OrderData> ctx) {
        OrderData o = ctx.data();
        return o.lines().isEmpty() ? StepOutcome.failure("empty cart") : StepOutcome.success();
    }

    private StepOutcome<OrderData> reserve(StepContext<OrderData> ctx) {
        OrderData o = ctx.data();
        if (o.injectShortage()) {
            return StepOutcome.failure(CAUSE_STOCK + " (injected shortage)");
        }
        try {
            inventory.reserve(ReservationId.of(ctx.sagaId().toString()), o.customerId(), o.lines());
            return StepOutcome.success();
        } catch (ComptoirException e) {
            if (e.kind() == ComptoirException.Kind.CONFLICT) {
                return StepOutcome.failure(CAUSE_STOCK + ": " + e.getMessage());
            }
            throw e;
        }
    }

    private StepOutcome<OrderData> release(StepContext<OrderData> ctx) {
        if (sim.sabotaged(Sabotage.BROKEN_COMPENSATION)) {
            return StepOutcome.success(); // planted defect: the reservation stays open
        }
        try {
            inventory.release(ReservationId.of(ctx.sagaId().toString()));
        } catch (ComptoirException e) {
            if (e.kind() != ComptoirException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        return StepOutcome.success();
    }

    private StepOutcome<OrderData> pay(StepContext<OrderData> ctx) {
        OrderData o = ctx.data();
        TransactionId tx = TransactionId.of(ctx.sagaId().toString());
        PaymentOutcome outcome = payments.process(new ChargeRequest(tx, o.customerId(), Money.ofCents(o.amountCents()),
                null, null, null));
        if (sim.sabotaged(Sabotage.DOUBLE_CHARGE) && o.index() % 10 == 3) {
            payments.process(new ChargeRequest(TransactionId.of(tx.value() + "/again"), o.customerId(),
                    Money.ofCents(o.amountCents()), null, null, null)); // planted defect: a second charge
        }
        StepOutcome<OrderData> reply = switch (outcome) {
            case PaymentOutcome.Approved a -> StepOutcome.success();
            case PaymentOutcome.Declined d -> StepOutcome.failure(CAUSE_PAYMENT + ": " + d.reason());
            case PaymentOutcome.InProgress p -> StepOutcome.retry("payment in progress");
        };
        if (o.replyLatencyMs() >= 0 && ctx.attempt() == 1) {
            // The gateway took the charge now but its answer arrives late; past the step's timeout
            // the runtime retries (an idempotent replay) and ignores the late answer.
            sim.replyLater(ctx.sagaId(), PAY, reply, o.replyLatencyMs());
            return StepOutcome.pending();
        }
        return reply;
    }

    private StepOutcome<OrderData> refund(StepContext<OrderData> ctx) {
        TransactionId tx = TransactionId.of(ctx.sagaId().toString());
        Optional<Payment> p = payments.find(tx);
        if (p.isPresent() && p.get().status().isRefundable() && p.get().refundable().isPositive()) {
            payments.refund(new RefundPayment(tx, p.get().refundable(), "order saga compensation"));
        }
        return StepOutcome.success();
    }

    private StepOutcome<OrderData> confirm(StepContext<OrderData> ctx) {
        ReservationOutcome out = inventory.confirm(ReservationId.of(ctx.sagaId().toString()));
        if (out instanceof ReservationOutcome.Applied) {
            for (ReservationLine line : ctx.data().lines()) {
                sim.ledger().confirmed(line.key(), line.quantity());
            }
        }
        return StepOutcome.success();
    }
}
