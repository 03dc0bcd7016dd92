package dev.comptoir.core.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.cart.CartService;
import dev.comptoir.core.cart.SessionId;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.checkout.Checkout;
import dev.comptoir.core.checkout.CheckoutParticipants;
import dev.comptoir.core.checkout.CheckoutRequest;
import dev.comptoir.core.checkout.CheckoutStatus;
import dev.comptoir.core.checkout.OrderSagaStatus;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.order.OrderService;
import dev.comptoir.core.payment.FailurePolicy;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.core.payment.SimulatedPaymentGateway;
import dev.comptoir.core.payment.TransactionId;
import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.SagaStore;
import dev.comptoir.saga.VirtualClock;
import dev.comptoir.saga.spi.ExecutionHook;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order saga with every store on PostgreSQL (sagas, inventory, carts, payments, orders, order index). */
class PgCheckoutTest {
    private static final ProductId CAFE = ProductId.of(1);
    private static TestDatabase db;

    private final VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
    private static final java.util.concurrent.atomic.AtomicInteger SEEDS = new java.util.concurrent.atomic.AtomicInteger();
    private final SplittableRandom random = new SplittableRandom(SEEDS.incrementAndGet()); // distinct saga ids per test
    private SimulatedPaymentGateway gateway;
    private InventoryService inventory;
    private PaymentService payments;
    private CartService carts;
    private CheckoutParticipants participants;

    @BeforeAll
    static void createSchema() {
        db = TestDatabase.create("checkout", 6);
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    private void wire(long stock) {
        PostgresDatabase d = db.database();
        gateway = new SimulatedPaymentGateway(random, FailurePolicy.disabled());
        inventory = new InventoryService(new PgInventoryStore(d.jdbi()), clock);
        payments = new PaymentService(new PgPaymentRepository(d.jdbi()), gateway, clock, random);
        carts = new CartService(new PgCartRepository(d.jdbi()), id -> Optional.empty(), clock);
        OrderService orders = new OrderService(new PgOrderRepository(d.jdbi()), clock);
        participants = PgCheckout.participants(d, carts, inventory, payments, orders);
        long have = inventory.available(CAFE, Locations.DEFAULT_FULFILMENT);
        if (have < stock) {
            inventory.receive(CAFE, Locations.DEFAULT_FULFILMENT, stock - have, "initial");
        }
    }

    private CheckoutRequest cart(String session) {
        carts.addItem(SessionId.of(session), CAFE, 1, Money.of("10.00"));
        return CheckoutRequest.of(session, 3);
    }

    @Test
    void start_onPostgres_completesAndSecondDeclinedSagaIsCompensated() {
        wire(50);
        long before = inventory.level(CAFE, Locations.DEFAULT_FULFILMENT).orElseThrow().onHand();
        Checkout checkout = PgCheckout.builder(db.database(), participants).clock(clock).random(random).build();

        SagaId ok = checkout.start(cart("pg-ok"), "pg-ok");
        checkout.runUntilIdle();
        gateway.configure(new FailurePolicy(true, BigDecimal.ZERO, Money.of("21.49"), List.of()));
        SagaId ko = checkout.start(cart("pg-ko"), "pg-ko");
        checkout.runUntilIdle();

        CheckoutStatus okStatus = checkout.status(ok).orElseThrow();
        assertThat(okStatus.status()).isEqualTo(OrderSagaStatus.COMPLETED);
        assertThat(okStatus.amount()).isEqualByComparingTo("21.49"); // 10.00 + 1.50 tax + 9.99 shipping
        assertThat(okStatus.orderId()).isNotNull();
        CheckoutStatus koStatus = checkout.status(ko).orElseThrow();
        assertThat(koStatus.history()).endsWith(OrderSagaStatus.PAYMENT_FAILED, OrderSagaStatus.COMPENSATING_STOCK,
                OrderSagaStatus.COMPENSATED, OrderSagaStatus.FAILED);
        assertThat(inventory.level(CAFE, Locations.DEFAULT_FULFILMENT).orElseThrow().onHand()).isEqualTo(before - 1);
        assertThat(inventory.level(CAFE, Locations.DEFAULT_FULFILMENT).orElseThrow().reserved()).isZero();
        checkout.close();
    }

    @Test
    void runtimeCrashesAfterEachInvoke_newRuntimeOnSameStore_completesEachSagaOnce() {
        wire(50);
        long before = inventory.level(CAFE, Locations.DEFAULT_FULFILMENT).orElseThrow().onHand();
        SagaStore store = PgCheckout.sagaStore(db.database());
        ExecutionHook crashAfterInvoke = (point, id, step, dir) -> {
            if (point == ExecutionHook.Point.AFTER_INVOKE) {
                throw new CrashError();
            }
        };
        List<SagaId> ids = new ArrayList<>();
        Checkout first = Checkout.builder(participants).store(store).clock(clock).random(random)
                .hook(crashAfterInvoke).instanceId("crashing").build();
        for (int i = 0; i < 3; i++) {
            ids.add(first.start(cart("crash-" + i), "crash-" + i));
        }
        int crashes = 0;
        for (int round = 0; round < 20; round++) {
            try {
                first.runUntilIdle();
            } catch (CrashError e) {
                crashes++;
                clock.advance(Duration.ofSeconds(31));
            }
        }

        Checkout second = Checkout.builder(participants).store(store).clock(clock).random(random)
                .instanceId("survivor").build();
        clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 10; i++) {
            second.runUntilIdle();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(crashes).isGreaterThan(0);
        for (SagaId id : ids) {
            CheckoutStatus s = second.status(id).orElseThrow();
            assertThat(s.status()).as("saga %s", id).isEqualTo(OrderSagaStatus.COMPLETED);
            var p = payments.get(TransactionId.of(id.toString()));
            assertThat(p.capturedAmount().amount()).isEqualByComparingTo("21.49");
            assertThat(payments.refundsOf(p.transactionId())).isEmpty();
        }
        assertThat(inventory.level(CAFE, Locations.DEFAULT_FULFILMENT).orElseThrow().onHand()).isEqualTo(before - 3);
        assertThat(inventory.level(CAFE, Locations.DEFAULT_FULFILMENT).orElseThrow().reserved()).isZero();
        Long orders = db.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM orders WHERE saga_id IN (<ids>)").bindList("ids",
                ids.stream().map(SagaId::toString).toList()).mapTo(Long.class).one());
        assertThat(orders).isEqualTo(3);
        second.close();
    }

    /** Simulated death of the runtime at a step boundary. */
    static final class CrashError extends Error {
        CrashError() {
            super("crash", null, false, false);
        }
    }
}
