package dev.comptoir.core.checkout;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.TaxPolicy;
import dev.comptoir.saga.SagaDefinition;
import dev.comptoir.saga.StepContext;
import dev.comptoir.saga.StepOutcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The orchestrated order saga of seed-behaviour §5.1 on saga-lib: {@code VALIDATE_CART →
 * RESERVE_STOCK → PROCESS_PAYMENT → CONFIRM_ORDER}, compensated by {@code REFUND_PAYMENT} then
 * {@code RELEASE_STOCK}. The saga id is the reservation id and the payment transaction id.
 *
 * <pre>{@code
 * SagaDefinition<OrderSagaData> def = OrderSaga.definition(participants, CheckoutOptions.defaults(), clock);
 * }</pre>
 *
 * <p>Usually built for you by {@link Checkout}. Steps are idempotent by saga id (the ports are);
 * a participant call slower than the step timeout (measured on the injected clock) is a
 * transient failure; declines and insufficient stock are business failures (no retry,
 * compensate). {@code CONFIRM_ORDER} is the pivot: it places the order (once per saga),
 * confirms the reservation and the order. When its outcome stays unknown after its retries the
 * {@code REFUND_PAYMENT} compensation also cancels any order the saga placed.
 */
public final class OrderSaga {
    /** Definition name. */
    public static final String NAME = "order-saga";
    /** Definition version. */
    public static final int VERSION = 1;
    /** Step names (the reference's step types). */
    public static final String VALIDATE_CART = "VALIDATE_CART";
    public static final String RESERVE_STOCK = "RESERVE_STOCK";
    public static final String PROCESS_PAYMENT = "PROCESS_PAYMENT";
    public static final String CONFIRM_ORDER = "CONFIRM_ORDER";
    /** Compensation step types (of {@code RESERVE_STOCK} and {@code PROCESS_PAYMENT}). */
    public static final String RELEASE_STOCK = "RELEASE_STOCK";
    public static final String REFUND_PAYMENT = "REFUND_PAYMENT";
    /** Reason given with a compensating refund. */
    public static final String COMPENSATION_REASON = "Saga compensation";

    private final CheckoutParticipants participants;
    private final CheckoutOptions options;
    private final Clock clock;

    private OrderSaga(CheckoutParticipants participants, CheckoutOptions options, Clock clock) {
        this.participants = Objects.requireNonNull(participants, "participants");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The definition over {@code participants}; {@code clock} measures step timeouts. */
    public static SagaDefinition<OrderSagaData> definition(CheckoutParticipants participants, CheckoutOptions options,
                                                           Clock clock) {
        OrderSaga s = new OrderSaga(participants, options, clock);
        return SagaDefinition.builder(NAME, VERSION, OrderSagaData.class)
                .step(VALIDATE_CART).invoke(s::validateCart).noCompensation()
                    .timeout(options.stepTimeout()).retry(options.retry())
                .step(RESERVE_STOCK).invoke(s::reserveStock).compensate(s::releaseStock)
                    .timeout(options.stepTimeout()).retry(options.retry()).compensationRetry(options.compensationRetry())
                .step(PROCESS_PAYMENT).invoke(s::processPayment).compensate(s::refundPayment)
                    .timeout(options.stepTimeout()).retry(options.retry()).compensationRetry(options.compensationRetry())
                .step(CONFIRM_ORDER).invoke(s::confirmOrder).pivot()
                    .timeout(options.stepTimeout()).retry(options.retry())
                .build();
    }

    /** The amount charged for {@code lines}: subtotal + Québec tax (decisions §4) + shipping. */
    public static BigDecimal amountOf(List<OrderSagaLine> lines, BigDecimal shipping) {
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (OrderSagaLine l : lines) {
            subtotal = subtotal.add(l.subtotal());
        }
        return TaxPolicy.QUEBEC.apply(Money.of(subtotal)).total().amount().add(shipping);
    }

    private StepOutcome<OrderSagaData> validateCart(StepContext<OrderSagaData> ctx) {
        OrderSagaData d = ctx.data();
        Optional<List<OrderSagaLine>> lines = timed(() -> participants.cart().lines(d.sessionId()));
        if (lines.isEmpty() || lines.get().isEmpty()) {
            return StepOutcome.failure("Panier vide");
        }
        BigDecimal subtotal = BigDecimal.ZERO;
        for (OrderSagaLine l : lines.get()) {
            subtotal = subtotal.add(l.subtotal());
        }
        if (subtotal.signum() <= 0) {
            return StepOutcome.failure("Montant total invalide");
        }
        return StepOutcome.success(d.withCart(lines.get(), amountOf(lines.get(), options.shipping())));
    }

    private StepOutcome<OrderSagaData> reserveStock(StepContext<OrderSagaData> ctx) {
        OrderSagaData d = ctx.data();
        String id = ctx.sagaId().toString();
        return outcome(timed(() -> participants.stock().reserve(id, String.valueOf(d.customerId()), d.locationId(),
                d.lines())));
    }

    private StepOutcome<OrderSagaData> releaseStock(StepContext<OrderSagaData> ctx) {
        String id = ctx.sagaId().toString();
        timed(() -> {
            participants.stock().release(id);
            return null;
        });
        return StepOutcome.success();
    }

    private StepOutcome<OrderSagaData> processPayment(StepContext<OrderSagaData> ctx) {
        OrderSagaData d = ctx.data();
        String id = ctx.sagaId().toString();
        return outcome(timed(() -> participants.payments().charge(id, String.valueOf(d.customerId()), d.amount())));
    }

    private StepOutcome<OrderSagaData> refundPayment(StepContext<OrderSagaData> ctx) {
        String id = ctx.sagaId().toString();
        timed(() -> {
            participants.orders().cancel(id);
            participants.payments().refundAll(id, COMPENSATION_REASON);
            return null;
        });
        return StepOutcome.success();
    }

    private StepOutcome<OrderSagaData> confirmOrder(StepContext<OrderSagaData> ctx) {
        OrderSagaData d = ctx.data();
        String id = ctx.sagaId().toString();
        long orderId = timed(() -> participants.orders().place(id, d));
        StepReply confirmed = timed(() -> participants.stock().confirm(id));
        if (confirmed instanceof StepReply.Refused r) {
            timed(() -> {
                participants.orders().cancel(id);
                return null;
            });
            return StepOutcome.failure(r.reason());
        }
        timed(() -> {
            participants.orders().confirm(id);
            return null;
        });
        return StepOutcome.success(d.withOrder(orderId));
    }

    private static StepOutcome<OrderSagaData> outcome(StepReply reply) {
        return switch (reply) {
            case StepReply.Done done -> StepOutcome.success();
            case StepReply.Refused r -> StepOutcome.failure(r.reason());
        };
    }

    /** Runs a participant call; slower than the step timeout on the injected clock → transient failure. */
    private <T> T timed(Supplier<T> call) {
        Instant start = clock.instant();
        T result = call.get();
        Duration took = Duration.between(start, clock.instant());
        if (took.compareTo(options.stepTimeout()) > 0) {
            throw ComptoirException.unavailable("Timeout après " + options.stepTimeout().toSeconds() + "s", null);
        }
        return result;
    }
}
