package dev.comptoir.saga;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The running example of docs/saga-lib.md: the order saga of the POS (validate cart → reserve
 * stock → process payment → confirm order, compensated in reverse), over tiny in-test fakes of
 * the cart, stock, payment and order services. The saga id doubles as the reservation id and the
 * payment transaction id, as in the reference system.
 */
final class OrderSagaExample {

    // --- the saga data: a record, updated by each step ---------------------------------------
    // tag::data[]
    record Order(String sessionId, String customerId, BigDecimal total, String reservationId,
                 String paymentId, String orderId) {
        Order {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(customerId, "customerId");
        }

        static Order forCart(String sessionId, String customerId) {
            return new Order(sessionId, customerId, null, null, null, null);
        }

        Order withTotal(BigDecimal t) {
            return new Order(sessionId, customerId, t, reservationId, paymentId, orderId);
        }

        Order withReservation(String id) {
            return new Order(sessionId, customerId, total, id, paymentId, orderId);
        }

        Order withPayment(String id) {
            return new Order(sessionId, customerId, total, reservationId, id, orderId);
        }

        Order withOrderId(String id) {
            return new Order(sessionId, customerId, total, reservationId, paymentId, id);
        }
    }
    // end::data[]

    // --- fakes of the participants ------------------------------------------------------------
    static final class Carts {
        final Map<String, BigDecimal> totals = new HashMap<>();
    }

    static final class Stock {
        final Map<String, Integer> reserved = new HashMap<>();   // reservation id -> times applied
        final Map<String, Integer> released = new HashMap<>();
        boolean failing;
    }

    static final class Payments {
        final Map<String, BigDecimal> charged = new HashMap<>();  // transaction id -> amount
        final Map<String, Integer> refunds = new HashMap<>();
        BigDecimal declineAmount;
        int transientFailuresLeft;
    }

    static final class Orders {
        final List<String> confirmed = new ArrayList<>();
        boolean rejecting;
    }

    final Carts carts = new Carts();
    final Stock stock = new Stock();
    final Payments payments = new Payments();
    final Orders orders = new Orders();
    final ParticipantLedger ledger;

    OrderSagaExample(ParticipantLedger ledger) {
        this.ledger = ledger;
    }

    // --- the definition -----------------------------------------------------------------------
    // tag::definition[]
    SagaDefinition<Order> definition() {
        return SagaDefinition.builder("order", 1, Order.class)
                .step("validate-cart").invoke(this::validateCart).noCompensation()
                .step("reserve-stock").invoke(this::reserveStock).compensate(this::releaseStock)
                    .timeout(Duration.ofSeconds(30))
                .step("process-payment").invoke(this::processPayment).compensate(this::refundPayment)
                    .retry(RetryPolicy.exponential(3, Duration.ofMillis(100), Duration.ofSeconds(2))
                            .withJitter(0.2))
                .step("confirm-order").invoke(this::confirmOrder).pivot()
                .build();
    }
    // end::definition[]

    // --- step functions: small methods, idempotent through the ledger --------------------------
    // tag::steps[]
    StepOutcome<Order> validateCart(StepContext<Order> ctx) {
        BigDecimal total = carts.totals.get(ctx.data().sessionId());
        if (total == null) {
            return StepOutcome.failure("Panier vide");
        }
        if (total.signum() <= 0) {
            return StepOutcome.failure("Montant total invalide");
        }
        return StepOutcome.success(ctx.data().withTotal(total));
    }

    StepOutcome<Order> reserveStock(StepContext<Order> ctx) {
        if (stock.failing) {
            return StepOutcome.failure("insufficient stock");
        }
        String reservationId = ctx.sagaId().toString();
        ledger.execute(ctx.idempotencyKey(), String.class, () -> {
            stock.reserved.merge(reservationId, 1, Integer::sum);
            return reservationId;
        });
        return StepOutcome.success(ctx.data().withReservation(reservationId));
    }

    StepOutcome<Order> releaseStock(StepContext<Order> ctx) {
        String reservationId = ctx.sagaId().toString();
        ledger.execute(ctx.idempotencyKey(), String.class, () -> {
            stock.released.merge(reservationId, 1, Integer::sum);
            return reservationId;
        });
        return StepOutcome.success();
    }

    StepOutcome<Order> processPayment(StepContext<Order> ctx) {
        if (payments.transientFailuresLeft > 0) {
            payments.transientFailuresLeft--;
            return StepOutcome.retry("payment gateway timeout");
        }
        BigDecimal amount = ctx.data().total();
        if (amount.compareTo(Objects.requireNonNullElse(payments.declineAmount, BigDecimal.valueOf(-1))) == 0) {
            return StepOutcome.failure("Card declined");
        }
        String transactionId = ctx.sagaId().toString();
        ledger.execute(ctx.idempotencyKey(), String.class, () -> {
            payments.charged.merge(transactionId, amount, BigDecimal::add);
            return transactionId;
        });
        return StepOutcome.success(ctx.data().withPayment(transactionId));
    }

    StepOutcome<Order> refundPayment(StepContext<Order> ctx) {
        String transactionId = ctx.sagaId().toString();
        ledger.execute(ctx.idempotencyKey(), String.class, () -> {
            payments.refunds.merge(transactionId, 1, Integer::sum);
            return transactionId;
        });
        return StepOutcome.success();
    }

    StepOutcome<Order> confirmOrder(StepContext<Order> ctx) {
        if (orders.rejecting) {
            return StepOutcome.failure("order service rejected the order");
        }
        String orderId = ledger.execute(ctx.idempotencyKey(), String.class, () -> {
            orders.confirmed.add(ctx.sagaId().toString());
            return "order-" + orders.confirmed.size();
        }).resultOrNull();
        return StepOutcome.success(ctx.data().withOrderId(orderId));
    }
    // end::steps[]
}
