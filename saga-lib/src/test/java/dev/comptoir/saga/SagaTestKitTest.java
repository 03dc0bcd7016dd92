package dev.comptoir.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SagaTestKitTest {
    private OrderSagaExample world;
    private SagaDefinition<OrderSagaExample.Order> orderSaga;

    @BeforeEach
    void setUp() {
        world = new OrderSagaExample(ParticipantLedger.inMemory());
        world.carts.totals.put("s1", new BigDecimal("112.08"));
        orderSaga = world.definition();
    }

    @Test
    void run_noOverrides_completesThroughTheRealParticipants() {
        // tag::testkit[]
        SagaTestKit.of(orderSaga)
                .given(OrderSagaExample.Order.forCart("s1", "c1"))
                .whenAction("process-payment").answers(StepOutcome.failure("Card declined"))
                .run()
                .expectState(SagaState.COMPENSATED)
                .expectFailureContaining("Card declined")
                .expectInvocations("validate-cart", "reserve-stock", "process-payment", "~reserve-stock");
        // end::testkit[]
    }

    @Test
    void run_happyPath_completesWithData() {
        SagaTestKit.of(orderSaga)
                .given(OrderSagaExample.Order.forCart("s1", "c1"))
                .run()
                .expectState(SagaState.COMPLETED)
                .expectInvocations("validate-cart", "reserve-stock", "process-payment", "confirm-order")
                .expectData(o -> assertThat(o.orderId()).isEqualTo("order-1"));
    }

    @Test
    void run_pendingWithoutReply_jumpsToTheTimeoutAndRetries() {
        SagaTestKit.of(orderSaga)
                .given(OrderSagaExample.Order.forCart("s1", "c1"))
                .whenAction("reserve-stock").answers(StepOutcome.pending(), StepOutcome.pending(), StepOutcome.pending())
                .run()
                .expectState(SagaState.COMPENSATED)
                .expectFailureContaining("no reply within PT30S")
                .expectInvocations("validate-cart", "reserve-stock", "reserve-stock", "reserve-stock", "~reserve-stock");
    }

    @Test
    void run_compensationAlwaysFails_endsStuck() {
        SagaTestKit.of(orderSaga)
                .given(OrderSagaExample.Order.forCart("s1", "c1"))
                .whenAction("confirm-order").answers(StepOutcome.failure("rejected"))
                .whenCompensation("process-payment").answers(StepOutcome.retry("x"), StepOutcome.retry("x"),
                        StepOutcome.retry("refund service down"))
                .run()
                .expectState(SagaState.STUCK)
                .expectFailureContaining("compensation of 'process-payment' failed: refund service down");
    }

    @Test
    void expectState_mismatch_throwsAssertionErrorNamingBoth() {
        SagaTestKit<OrderSagaExample.Order>.Result result = SagaTestKit.of(orderSaga)
                .given(OrderSagaExample.Order.forCart("s1", "c1")).run();

        assertThatThrownBy(() -> result.expectState(SagaState.STUCK))
                .isInstanceOf(AssertionError.class).hasMessageContaining("STUCK").hasMessageContaining("COMPLETED");
    }
}
