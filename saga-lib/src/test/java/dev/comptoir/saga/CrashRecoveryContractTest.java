package dev.comptoir.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.saga.spi.ExecutionHook;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crash recovery at every step boundary: a runtime dies (an {@link Error} thrown by the
 * {@link ExecutionHook}) before an invocation, after it but before its outcome is persisted, or
 * after persisting — forward and during compensation; a new runtime on the same store resumes
 * once the lease expired. Every saga must end terminal with each participant effect applied
 * exactly once. Subclass per store:
 *
 * <pre>{@code
 * class MyCrashRecoveryTest extends CrashRecoveryContractTest {
 *     protected SagaStore createStore() { return ...; }
 *     protected ParticipantLedger createLedger() { return ParticipantLedger.inMemory(); }
 * }
 * }</pre>
 */
public abstract class CrashRecoveryContractTest {
    private static final int SAGAS = 3;

    /** Thrown by the hook: the runtime "dies" mid-step. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    enum Scenario { HAPPY, ORDER_REJECTED }

    protected abstract SagaStore createStore();

    protected abstract ParticipantLedger createLedger();

    static Stream<Arguments> boundaries() {
        List<Arguments> out = new ArrayList<>();
        for (ExecutionHook.Point p : ExecutionHook.Point.values()) {
            for (String step : List.of("validate-cart", "reserve-stock", "process-payment", "confirm-order")) {
                out.add(Arguments.of(Scenario.HAPPY, step, Direction.ACTION, p));
            }
            out.add(Arguments.of(Scenario.ORDER_REJECTED, "confirm-order", Direction.ACTION, p));
            out.add(Arguments.of(Scenario.ORDER_REJECTED, "process-payment", Direction.COMPENSATION, p));
            out.add(Arguments.of(Scenario.ORDER_REJECTED, "reserve-stock", Direction.COMPENSATION, p));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: crash {3} {1} {2}")
    @MethodSource("boundaries")
    void crash_atStepBoundary_newRuntimeFinishesEverySagaWithEffectsExactlyOnce(
            Scenario scenario, String step, Direction direction, ExecutionHook.Point point) {
        VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
        SagaStore store = createStore();
        OrderSagaExample world = new OrderSagaExample(createLedger());
        world.orders.rejecting = scenario == Scenario.ORDER_REJECTED;
        SagaDefinition<OrderSagaExample.Order> orderSaga = world.definition();
        String run = UUID.randomUUID().toString();
        AtomicBoolean crashed = new AtomicBoolean();
        ExecutionHook crashOnce = (p, id, s, d) -> {
            if (p == point && s.equals(step) && d == direction && crashed.compareAndSet(false, true)) {
                throw new SimulatedCrash(p + " " + s + " " + d);
            }
        };
        SagaRuntime doomed = Sagas.runtime().store(store).clock(clock).random(new SplittableRandom(run.hashCode()))
                .register(orderSaga).hook(crashOnce).instanceId("doomed").build();
        List<SagaId> ids = new ArrayList<>();
        for (int i = 0; i < SAGAS; i++) {
            world.carts.totals.put("cart-" + i, new BigDecimal("112.08"));
            ids.add(doomed.start(orderSaga, OrderSagaExample.Order.forCart("cart-" + i, "c" + i), run + "-" + i));
        }

        assertThatThrownBy(doomed::runUntilIdle).isInstanceOf(SimulatedCrash.class);
        assertThat(crashed).isTrue();

        clock.advance(Duration.ofSeconds(31));    // the dead runtime's leases expire
        SagaRuntime survivor = Sagas.runtime().store(store).clock(clock).random(new SplittableRandom(~run.hashCode()))
                .register(orderSaga).instanceId("survivor").build();
        survivor.runUntilIdle();

        SagaState expected = scenario == Scenario.HAPPY ? SagaState.COMPLETED : SagaState.COMPENSATED;
        for (SagaId id : ids) {
            String key = id.toString();
            assertThat(survivor.status(id).orElseThrow().state()).as("saga %s", id).isEqualTo(expected);
            assertThat(world.stock.reserved.get(key)).as("stock reserved once").isEqualTo(1);
            assertThat(world.payments.charged.get(key)).as("charged once").isEqualByComparingTo("112.08");
            if (scenario == Scenario.HAPPY) {
                assertThat(world.stock.released).doesNotContainKey(key);
                assertThat(world.payments.refunds).doesNotContainKey(key);
            } else {
                assertThat(world.payments.refunds.get(key)).as("refunded once").isEqualTo(1);
                assertThat(world.stock.released.get(key)).as("released once").isEqualTo(1);
            }
        }
        assertThat(world.orders.confirmed).hasSize(scenario == Scenario.HAPPY ? SAGAS : 0);
        assertThat(world.orders.confirmed).doesNotHaveDuplicates();
    }
}
