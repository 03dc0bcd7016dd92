package dev.comptoir.core.checkout;

import static dev.comptoir.core.checkout.CheckoutFixture.CAFE;
import static dev.comptoir.core.checkout.CheckoutFixture.INITIAL_STOCK;
import static dev.comptoir.core.checkout.CheckoutFixture.THE;
import static dev.comptoir.core.checkout.OrderSagaStatus.CART_VALIDATED;
import static dev.comptoir.core.checkout.OrderSagaStatus.CART_VALIDATION_FAILED;
import static dev.comptoir.core.checkout.OrderSagaStatus.COMPENSATED;
import static dev.comptoir.core.checkout.OrderSagaStatus.COMPENSATING_PAYMENT;
import static dev.comptoir.core.checkout.OrderSagaStatus.COMPENSATING_STOCK;
import static dev.comptoir.core.checkout.OrderSagaStatus.COMPLETED;
import static dev.comptoir.core.checkout.OrderSagaStatus.FAILED;
import static dev.comptoir.core.checkout.OrderSagaStatus.ORDER_CONFIRMED;
import static dev.comptoir.core.checkout.OrderSagaStatus.PAYMENT_FAILED;
import static dev.comptoir.core.checkout.OrderSagaStatus.PAYMENT_PROCESSED;
import static dev.comptoir.core.checkout.OrderSagaStatus.PENDING;
import static dev.comptoir.core.checkout.OrderSagaStatus.STOCK_RESERVATION_FAILED;
import static dev.comptoir.core.checkout.OrderSagaStatus.STOCK_RESERVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.cart.SessionId;
import dev.comptoir.core.checkout.spi.CheckoutOrders;
import dev.comptoir.core.checkout.spi.CheckoutPayments;
import dev.comptoir.core.checkout.spi.CheckoutStock;
import dev.comptoir.core.inventory.ReservationId;
import dev.comptoir.core.inventory.ReservationStatus;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.order.Order;
import dev.comptoir.core.order.OrderId;
import dev.comptoir.core.order.OrderStatus;
import dev.comptoir.core.payment.PaymentStatus;
import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.InMemorySagaStorage;
import dev.comptoir.saga.SagaStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckoutTest {
    private final CheckoutFixture f = new CheckoutFixture();

    private Checkout checkout(CheckoutParticipants participants) {
        return Checkout.inMemory(participants, f.clock, new SplittableRandom(1));
    }

    @Test
    void start_allParticipantsAccept_completesWithConfirmedOrderChargedOnce() {
        Checkout checkout = checkout(f.participants);

        SagaId id = checkout.start(f.cart("s1", 42), "checkout-s1");
        checkout.runUntilIdle();

        CheckoutStatus s = checkout.status(id).orElseThrow();
        assertThat(s.status()).isEqualTo(COMPLETED);
        assertThat(s.history()).containsExactly(PENDING, CART_VALIDATED, STOCK_RESERVED, PAYMENT_PROCESSED,
                ORDER_CONFIRMED, COMPLETED);
        assertThat(s.completedSteps()).containsExactly(OrderSaga.VALIDATE_CART, OrderSaga.RESERVE_STOCK,
                OrderSaga.PROCESS_PAYMENT, OrderSaga.CONFIRM_ORDER);
        assertThat(s.compensationSteps()).isEmpty();
        assertThat(s.failedStep()).isNull();
        assertThat(s.amount()).isEqualByComparingTo("101.94");
        Order order = f.orders.get(OrderId.of(s.orderId()));
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.total().amount()).isEqualByComparingTo(s.amount());
        assertThat(order.references().sagaId()).isEqualTo(id.toString());
        assertThat(f.netCharged(id)).isEqualByComparingTo("101.94");
        assertThat(f.inventory.reservation(ReservationId.of(id.toString())).status())
                .isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(f.level(CAFE).onHand()).isEqualTo(INITIAL_STOCK - 2);
        assertThat(f.level(THE).onHand()).isEqualTo(INITIAL_STOCK - 1);
        assertThat(f.level(CAFE).reserved()).isZero();
    }

    @Test
    void start_sameIdempotencyKeyTwice_startsOneSaga() {
        Checkout checkout = checkout(f.participants);
        CheckoutRequest request = f.cart("s1", 42);

        SagaId first = checkout.start(request, "k");
        SagaId second = checkout.start(request, "k");
        checkout.runUntilIdle();

        assertThat(second).isEqualTo(first);
        assertThat(checkout.metrics().started()).isEqualTo(1);
        assertThat(f.allOrders()).hasSize(1);
    }

    @Test
    void start_paymentDeclined_releasesStockAndEndsFailedThroughCompensated() {
        Checkout checkout = checkout(f.participants);
        f.declineAmount("101.94");

        SagaId id = checkout.start(f.cart("s1", 42), "k");
        checkout.runUntilIdle();

        CheckoutStatus s = checkout.status(id).orElseThrow();
        assertThat(s.status()).isEqualTo(FAILED);
        assertThat(s.history()).containsExactly(PENDING, CART_VALIDATED, STOCK_RESERVED, PAYMENT_FAILED,
                COMPENSATING_STOCK, COMPENSATED, FAILED);
        assertThat(s.failedStep()).isEqualTo(OrderSaga.PROCESS_PAYMENT);
        assertThat(s.compensationSteps()).extracting(StepView::stepType).containsExactly(OrderSaga.RELEASE_STOCK);
        assertThat(s.compensationSteps()).allMatch(StepView::succeeded);
        assertThat(f.netCharged(id)).isZero();
        assertThat(f.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(f.level(CAFE).onHand()).isEqualTo(INITIAL_STOCK);
        assertThat(f.level(CAFE).reserved()).isZero();
        assertThat(f.allOrders()).isEmpty();
        assertThat(checkout.metrics().compensations()).isEqualTo(1);
        assertThat(checkout.metrics().failed()).isEqualTo(1);
    }

    @Test
    void start_orderConfirmationRefused_refundsPaymentThenReleasesStock() {
        CheckoutParticipants p = f.participants.withOrders(real -> new CheckoutOrders() {
            @Override
            public long place(String sagaId, OrderSagaData data) {
                throw ComptoirException.conflict("order", "order service refuses");
            }

            @Override
            public void confirm(String sagaId) {
                real.confirm(sagaId);
            }

            @Override
            public void cancel(String sagaId) {
                real.cancel(sagaId);
            }
        });
        Checkout checkout = checkout(p);

        SagaId id = checkout.start(f.cart("s1", 42), "k");
        checkout.runUntilIdle();

        CheckoutStatus s = checkout.status(id).orElseThrow();
        assertThat(s.status()).isEqualTo(FAILED);
        assertThat(s.history()).containsExactly(PENDING, CART_VALIDATED, STOCK_RESERVED, PAYMENT_PROCESSED,
                COMPENSATING_PAYMENT, COMPENSATING_STOCK, COMPENSATED, FAILED);
        assertThat(s.compensationSteps()).extracting(StepView::stepType)
                .containsExactly(OrderSaga.REFUND_PAYMENT, OrderSaga.RELEASE_STOCK);
        assertThat(f.payment(id).orElseThrow().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(f.netCharged(id)).isZero();
        assertThat(f.level(CAFE).onHand()).isEqualTo(INITIAL_STOCK);
        assertThat(f.level(CAFE).reserved()).isZero();
    }

    @Test
    void start_emptyCart_failsAtValidationWithoutCompensation() {
        Checkout checkout = checkout(f.participants);

        SagaId id = checkout.start(CheckoutRequest.of("no-such-cart", 42), "k");
        checkout.runUntilIdle();

        CheckoutStatus s = checkout.status(id).orElseThrow();
        assertThat(s.history()).containsExactly(PENDING, CART_VALIDATION_FAILED, FAILED);
        assertThat(s.failure()).contains("Panier vide");
        assertThat(s.compensationSteps()).isEmpty();
        assertThat(checkout.metrics().compensations()).isZero();
    }

    @Test
    void start_insufficientStock_failsAtReservationAndLeavesStockUntouched() {
        Checkout checkout = checkout(f.participants);
        f.carts.addItem(SessionId.of("big"), CAFE, 500, Money.of("29.99"));

        SagaId id = checkout.start(CheckoutRequest.of("big", 42), "k");
        checkout.runUntilIdle();

        CheckoutStatus s = checkout.status(id).orElseThrow();
        assertThat(s.history()).containsExactly(PENDING, CART_VALIDATED, STOCK_RESERVATION_FAILED, FAILED);
        assertThat(f.payment(id)).isEmpty();
        assertThat(f.level(CAFE).reserved()).isZero();
        assertThat(f.level(CAFE).onHand()).isEqualTo(INITIAL_STOCK);
    }

    @Test
    void start_transientPaymentFailuresThenSuccess_retriesAndCompletes() {
        AtomicInteger calls = new AtomicInteger();
        CheckoutParticipants p = f.participants.withPayments(real -> new CheckoutPayments() {
            @Override
            public StepReply charge(String sagaId, String customerId, BigDecimal amount) {
                if (calls.incrementAndGet() <= 2) {
                    throw new IllegalStateException("connection reset");
                }
                return real.charge(sagaId, customerId, amount);
            }

            @Override
            public void refundAll(String sagaId, String reason) {
                real.refundAll(sagaId, reason);
            }
        });
        Checkout checkout = checkout(p);

        SagaId id = checkout.start(f.cart("s1", 42), "k");
        f.drain(checkout);

        CheckoutStatus s = checkout.status(id).orElseThrow();
        assertThat(s.status()).isEqualTo(COMPLETED);
        assertThat(calls).hasValue(3);
        assertThat(s.steps()).filteredOn(v -> v.stepType().equals(OrderSaga.PROCESS_PAYMENT))
                .singleElement().satisfies(v -> assertThat(v.attempts()).isEqualTo(3));
        assertThat(f.netCharged(id)).isEqualByComparingTo("101.94");
    }

    @Test
    void start_paymentAlwaysSlowerThanTimeout_refundsWhatWasChargedAndFails() {
        AtomicInteger calls = new AtomicInteger();
        CheckoutParticipants p = f.participants.withPayments(real -> new CheckoutPayments() {
            @Override
            public StepReply charge(String sagaId, String customerId, BigDecimal amount) {
                calls.incrementAndGet();
                StepReply r = real.charge(sagaId, customerId, amount); // applied, but the answer comes too late
                f.clock.advance(Duration.ofSeconds(31));
                return r;
            }

            @Override
            public void refundAll(String sagaId, String reason) {
                real.refundAll(sagaId, reason);
            }
        });
        Checkout checkout = checkout(p);

        SagaId id = checkout.start(f.cart("s1", 42), "k");
        f.drain(checkout);

        CheckoutStatus s = checkout.status(id).orElseThrow();
        assertThat(s.status()).isEqualTo(FAILED);
        assertThat(calls).hasValue(3);
        assertThat(s.failure()).contains("Timeout après 30s");
        assertThat(s.compensationSteps()).extracting(StepView::stepType)
                .containsExactly(OrderSaga.REFUND_PAYMENT, OrderSaga.RELEASE_STOCK);
        assertThat(f.netCharged(id)).isZero();
        assertThat(f.payment(id).orElseThrow().capturedAmount().amount()).isEqualByComparingTo("101.94");
        assertThat(f.level(CAFE).onHand()).isEqualTo(INITIAL_STOCK);
        assertThat(f.level(CAFE).reserved()).isZero();
    }

    @Test
    void start_oneSlowReservation_retriesIdempotentlyAndCompletes() {
        AtomicInteger calls = new AtomicInteger();
        CheckoutParticipants p = f.participants.withStock(real -> new DelegatingStock(real) {
            @Override
            public StepReply reserve(String sagaId, String owner, int locationId, List<OrderSagaLine> lines) {
                StepReply r = real.reserve(sagaId, owner, locationId, lines);
                if (calls.incrementAndGet() == 1) {
                    f.clock.advance(Duration.ofSeconds(45));
                }
                return r;
            }
        });
        Checkout checkout = checkout(p);

        SagaId id = checkout.start(f.cart("s1", 42), "k");
        f.drain(checkout);

        assertThat(checkout.status(id).orElseThrow().status()).isEqualTo(COMPLETED);
        assertThat(calls).hasValue(2);
        assertThat(f.level(CAFE).onHand()).isEqualTo(INITIAL_STOCK - 2);
        assertThat(f.level(CAFE).reserved()).isZero();
    }

    @Test
    void start_releaseKeepsFailing_parksSagaAsCompensationFailed() {
        f.declineAmount("101.94");
        CheckoutParticipants p = f.participants.withStock(real -> new DelegatingStock(real) {
            @Override
            public void release(String sagaId) {
                throw new IllegalStateException("inventory down");
            }
        });
        Checkout checkout = checkout(p);

        SagaId id = checkout.start(f.cart("s1", 42), "k");
        f.drain(checkout);

        CheckoutStatus s = checkout.status(id).orElseThrow();
        assertThat(s.status()).isEqualTo(OrderSagaStatus.COMPENSATION_FAILED);
        assertThat(s.compensationSteps()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo("failed");
            assertThat(v.attempts()).isEqualTo(3);
        });
        assertThat(checkout.compensationFailures(10)).extracting(CheckoutStatus::sagaId).containsExactly(id.toString());
        assertThat(checkout.metrics().compensationFailed()).isEqualTo(1);
    }

    @Test
    void retainFinishedFalse_eachFinishedSagaReportedOnceThenForgotten() {
        InMemorySagaStorage storage = new InMemorySagaStorage();
        List<CheckoutStatus> finished = new ArrayList<>();
        Checkout checkout = Checkout.builder(f.participants).store(SagaStore.of(storage)).clock(f.clock)
                .random(new SplittableRandom(3)).retainFinished(false).onFinished(finished::add).build();
        f.declineAmount("101.94");

        for (int i = 0; i < 10; i++) {
            checkout.start(f.cart("s" + i, 42), "k" + i);
        }
        checkout.runUntilIdle();

        assertThat(finished).hasSize(10).allMatch(s -> s.status() == FAILED);
        assertThat(storage.size()).isZero();
        assertThat(checkout.metrics().failed()).isEqualTo(10);
        assertThat(checkout.status(SagaId.parse(finished.getFirst().sagaId()))).isEmpty();
    }

    @Test
    void retainFinishedFalse_manySagasWithoutClockMoving_wakeUpQueueStaysBounded() {
        InMemorySagaStorage storage = new InMemorySagaStorage();
        CheckoutParticipants lean = new CheckoutParticipants(s -> java.util.Optional.of(List.of(
                new OrderSagaLine(1, "x", null, new BigDecimal("1.00"), 1))), new DelegatingStock(f.participants.stock()) {
                    @Override
                    public StepReply reserve(String sagaId, String owner, int locationId, List<OrderSagaLine> lines) {
                        return StepReply.done();
                    }

                    @Override
                    public StepReply confirm(String sagaId) {
                        return StepReply.done();
                    }
                }, f.participants.payments(), f.participants.orders());
        Checkout checkout = Checkout.builder(lean).store(SagaStore.of(storage)).clock(f.clock)
                .random(new SplittableRandom(3)).retainFinished(false).build();

        for (int i = 0; i < 30_000; i++) {
            checkout.start(CheckoutRequest.of("lean-" + i, 1), "lean-" + i);
            if (i % 500 == 499) {
                checkout.runUntilIdle();
            }
        }
        checkout.runUntilIdle();

        assertThat(checkout.metrics().completed()).isEqualTo(30_000);
        assertThat(storage.size()).isZero();
        assertThat(storage.wakeUps()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void metrics_mixedOutcomes_countsEachOutcomeAndDistribution() {
        Checkout checkout = checkout(f.participants);
        SagaId ok = checkout.start(f.cart("ok", 1), "ok");
        checkout.runUntilIdle();
        f.declineAmount("101.94");
        checkout.start(f.cart("ko", 2), "ko");
        checkout.runUntilIdle();

        CheckoutMetrics m = checkout.metrics();

        assertThat(m.started()).isEqualTo(2);
        assertThat(m.completed()).isEqualTo(1);
        assertThat(m.failed()).isEqualTo(1);
        assertThat(m.compensations()).isEqualTo(1);
        assertThat(m.successRate()).isEqualTo(0.5);
        assertThat(m.statusDistribution()).containsEntry(COMPLETED, 1L).containsEntry(FAILED, 1L);
        assertThat(checkout.status(ok).orElseThrow().status()).isEqualTo(COMPLETED);
    }

    @Test
    void checkoutRequest_blankSession_invalidInputNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckoutRequest.of(" ", 1))
                .isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(((ComptoirException) e).field()).isEqualTo("session_id"));
    }

    /** A stock port delegating everything to another one. */
    static class DelegatingStock implements CheckoutStock {
        private final CheckoutStock real;

        DelegatingStock(CheckoutStock real) {
            this.real = real;
        }

        @Override
        public StepReply reserve(String sagaId, String owner, int locationId, List<OrderSagaLine> lines) {
            return real.reserve(sagaId, owner, locationId, lines);
        }

        @Override
        public void release(String sagaId) {
            real.release(sagaId);
        }

        @Override
        public StepReply confirm(String sagaId) {
            return real.confirm(sagaId);
        }
    }
}
