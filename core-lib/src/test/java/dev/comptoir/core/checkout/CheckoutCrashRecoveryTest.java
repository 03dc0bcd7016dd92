package dev.comptoir.core.checkout;

import static dev.comptoir.core.checkout.CheckoutFixture.CAFE;
import static dev.comptoir.core.checkout.CheckoutFixture.INITIAL_STOCK;
import static dev.comptoir.core.checkout.CheckoutFixture.THE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.inventory.ReservationId;
import dev.comptoir.core.inventory.ReservationStatus;
import dev.comptoir.core.order.Order;
import dev.comptoir.core.order.OrderStatus;
import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.InMemorySagaStorage;
import dev.comptoir.saga.SagaStore;
import dev.comptoir.saga.spi.ExecutionHook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runtimes crash at random step boundaries; a new runtime on the same store finishes every saga exactly once. */
class CheckoutCrashRecoveryTest {

    /** Thrown by the hook to simulate the process dying at a step boundary. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    @Test
    void runtimeCrashesMidSaga_newRuntimeOnSameStore_everySagaTerminalAndEffectsExactlyOnce() {
        CheckoutFixture f = new CheckoutFixture();
        f.declineAmount("101.94"); // every 3rd cart below has that total and gets declined
        SagaStore store = SagaStore.of(new InMemorySagaStorage());
        SplittableRandom crashes = new SplittableRandom(11);
        ExecutionHook crashSometimes = (point, id, step, dir) -> {
            if (crashes.nextInt(10) == 0) {
                throw new SimulatedCrash();
            }
        };
        List<SagaId> ids = new ArrayList<>();
        int crashCount = 0;
        int generation = 0;
        Checkout checkout = runtime(f, store, crashSometimes, generation);
        for (int i = 0; i < 30; i++) {
            ids.add(checkout.start(i % 3 == 0 ? f.cart("s" + i, 7) : small(f, "s" + i), "k" + i));
        }
        for (int round = 0; round < 400 && !allFinal(checkout, ids); round++) {
            try {
                checkout.runUntilIdle();
                f.clock.advance(Duration.ofSeconds(1));
            } catch (SimulatedCrash crash) {
                crashCount++;
                generation++;
                checkout = runtime(f, store, crashSometimes, generation); // the dead one is simply dropped
                f.clock.advance(Duration.ofSeconds(31));                  // its leases expire
            }
        }

        Checkout survivor = runtime(f, store, (p, id, s, d) -> { }, generation + 1);
        f.clock.advance(Duration.ofSeconds(31));
        f.drain(survivor);
        assertThat(crashCount).as("the hook must actually crash runtimes").isGreaterThan(3);
        Map<SagaId, CheckoutStatus> finals = ids.stream()
                .collect(Collectors.toMap(Function.identity(), id -> survivor.status(id).orElseThrow()));
        assertThat(finals.values()).allMatch(s -> s.status() == OrderSagaStatus.COMPLETED
                || s.status() == OrderSagaStatus.FAILED);
        long completed = finals.values().stream().filter(s -> s.status() == OrderSagaStatus.COMPLETED).count();
        assertThat(completed).isGreaterThan(0).isLessThan(ids.size());

        long cafeSold = 0;
        long theSold = 0;
        for (var e : finals.entrySet()) {
            SagaId id = e.getKey();
            CheckoutStatus s = e.getValue();
            if (s.status() == OrderSagaStatus.COMPLETED) {
                assertThat(f.netCharged(id)).isEqualByComparingTo(s.amount());
                assertThat(f.inventory.reservation(ReservationId.of(id.toString())).status())
                        .isEqualTo(ReservationStatus.CONFIRMED);
                boolean big = s.amount().compareTo(new java.math.BigDecimal("101.94")) == 0;
                cafeSold += big ? 2 : 1;
                theSold += big ? 1 : 0;
            } else {
                assertThat(f.netCharged(id)).as("payment net zero for %s", id).isZero();
            }
        }
        List<Order> orders = f.allOrders();
        assertThat(orders).filteredOn(o -> o.status() == OrderStatus.CONFIRMED).hasSize((int) completed);
        assertThat(orders.stream().map(o -> o.references().sagaId()).distinct().count())
                .as("one order per saga at most").isEqualTo(orders.size());
        assertThat(f.level(CAFE).onHand()).isEqualTo(INITIAL_STOCK - cafeSold);
        assertThat(f.level(THE).onHand()).isEqualTo(INITIAL_STOCK - theSold);
        assertThat(f.level(CAFE).reserved()).isZero();
        assertThat(f.level(THE).reserved()).isZero();
    }

    private static CheckoutRequest small(CheckoutFixture f, String session) {
        f.carts.addItem(dev.comptoir.core.cart.SessionId.of(session), CAFE, 1, dev.comptoir.core.money.Money.of("29.99"));
        return CheckoutRequest.of(session, 8);
    }

    private static Checkout runtime(CheckoutFixture f, SagaStore store, ExecutionHook hook, int generation) {
        return Checkout.builder(f.participants).store(store).clock(f.clock).random(new SplittableRandom(generation))
                .hook(hook).instanceId("runtime-" + generation).build();
    }

    private static boolean allFinal(Checkout checkout, List<SagaId> ids) {
        return ids.stream().allMatch(id -> checkout.status(id).orElseThrow().isFinal());
    }
}
