package dev.comptoir.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderSagaTest {
    private final VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
    private OrderSagaExample example;
    private SagaDefinition<OrderSagaExample.Order> orderSaga;
    private SagaRuntime runtime;

    @BeforeEach
    void setUp() {
        example = new OrderSagaExample(ParticipantLedger.inMemory());
        orderSaga = example.definition();
        // tag::runtime[]
        runtime = Sagas.runtime()
                .store(SagaStore.inMemory())
                .clock(clock)
                .random(new SplittableRandom(42))
                .register(orderSaga)
                .build();
        // end::runtime[]
        example.carts.totals.put("s1", new BigDecimal("112.08"));
    }

    @Test
    void start_allParticipantsAccept_completesWithOrderId() {
        // tag::start[]
        SagaId id = runtime.start(orderSaga, OrderSagaExample.Order.forCart("s1", "customer_7"), "cart-s1");
        runtime.runUntilIdle();

        SagaStatus status = runtime.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(status.data(OrderSagaExample.Order.class).orderId()).isEqualTo("order-1");
        // end::start[]
        assertThat(status.timeline()).extracting(StepTrace::step)
                .containsExactly("validate-cart", "reserve-stock", "process-payment", "confirm-order");
        assertThat(example.payments.charged).containsEntry(id.toString(), new BigDecimal("112.08"));
        assertThat(example.stock.reserved).containsEntry(id.toString(), 1);
    }

    @Test
    void start_paymentDeclined_releasesStockAndEndsCompensated() {
        example.payments.declineAmount = new BigDecimal("112.08");

        SagaId id = runtime.start(orderSaga, OrderSagaExample.Order.forCart("s1", "c"), "k");
        runtime.runUntilIdle();

        SagaStatus status = runtime.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(status.failure()).contains("process-payment").contains("Card declined");
        assertThat(example.stock.released).containsEntry(id.toString(), 1);
        assertThat(example.payments.refunds).isEmpty();
        assertThat(example.orders.confirmed).isEmpty();
    }

    @Test
    void start_orderRejected_refundsThenReleasesInReverseOrder() {
        example.orders.rejecting = true;

        SagaId id = runtime.start(orderSaga, OrderSagaExample.Order.forCart("s1", "c"), "k");
        runtime.runUntilIdle();

        SagaStatus status = runtime.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(status.timeline()).extracting(t -> t.step() + "/" + t.direction() + "/" + t.state())
                .containsExactly("validate-cart/ACTION/SUCCEEDED", "reserve-stock/ACTION/SUCCEEDED",
                        "process-payment/ACTION/SUCCEEDED", "confirm-order/ACTION/FAILED",
                        "process-payment/COMPENSATION/SUCCEEDED", "reserve-stock/COMPENSATION/SUCCEEDED");
        assertThat(example.payments.refunds).containsEntry(id.toString(), 1);
        assertThat(example.stock.released).containsEntry(id.toString(), 1);
    }

    @Test
    void start_emptyCart_failsWithoutAnyCompensation() {
        SagaId id = runtime.start(orderSaga, OrderSagaExample.Order.forCart("unknown", "c"), "k");
        runtime.runUntilIdle();

        SagaStatus status = runtime.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(SagaState.COMPENSATED);
        assertThat(status.failure()).contains("Panier vide");
        assertThat(status.timeline()).hasSize(1);
        assertThat(example.stock.reserved).isEmpty();
    }

    @Test
    void start_paymentGatewayFlaky_retriesWithBackoffThenCompletes() {
        example.payments.transientFailuresLeft = 2;

        SagaId id = runtime.start(orderSaga, OrderSagaExample.Order.forCart("s1", "c"), "k");
        runtime.runUntilIdle();
        assertThat(runtime.status(id).orElseThrow().state()).isEqualTo(SagaState.RUNNING);

        clock.advance(Duration.ofMillis(150));   // first backoff: 100 ms ± 20 %
        runtime.runUntilIdle();
        clock.advance(Duration.ofMillis(300));   // second backoff: 200 ms ± 20 %
        runtime.runUntilIdle();

        SagaStatus status = runtime.status(id).orElseThrow();
        assertThat(status.state()).isEqualTo(SagaState.COMPLETED);
        StepTrace payment = status.timeline().get(2);
        assertThat(payment.attempts()).isEqualTo(3);
        assertThat(payment.lastError()).contains("payment gateway timeout");
        assertThat(example.payments.charged).hasSize(1);
    }

    @Test
    void start_sameIdempotencyKeyTwice_returnsTheSameSagaAndRunsItOnce() {
        SagaId first = runtime.start(orderSaga, OrderSagaExample.Order.forCart("s1", "c"), "cart-s1");
        SagaId second = runtime.start(orderSaga, OrderSagaExample.Order.forCart("s1", "c"), "cart-s1");
        runtime.runUntilIdle();

        assertThat(second).isEqualTo(first);
        assertThat(runtime.countsByState()).containsEntry(SagaState.COMPLETED, 1L);
        assertThat(example.orders.confirmed).hasSize(1);
    }
}
