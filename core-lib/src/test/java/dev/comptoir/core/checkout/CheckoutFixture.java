package dev.comptoir.core.checkout;

import dev.comptoir.core.cart.CartService;
import dev.comptoir.core.cart.SessionId;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.checkout.spi.SagaOrderIndex;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.StockLevel;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.memory.InMemoryCartRepository;
import dev.comptoir.core.memory.InMemoryCheckoutOrderIndex;
import dev.comptoir.core.memory.InMemoryInventoryStore;
import dev.comptoir.core.memory.InMemoryOrderRepository;
import dev.comptoir.core.memory.InMemoryPaymentRepository;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.order.Order;
import dev.comptoir.core.order.OrderService;
import dev.comptoir.core.payment.FailurePolicy;
import dev.comptoir.core.payment.Payment;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.core.payment.SimulatedPaymentGateway;
import dev.comptoir.core.payment.TransactionId;
import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.VirtualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Core-lib's in-memory services wired as order-saga participants, with a virtual clock. */
final class CheckoutFixture {
    static final ProductId CAFE = ProductId.of(1);
    static final ProductId THE = ProductId.of(2);
    static final long INITIAL_STOCK = 100;

    final VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
    final SplittableRandom random = new SplittableRandom(7);
    final InMemoryOrderRepository orderRepository = new InMemoryOrderRepository();
    final CartService carts = new CartService(new InMemoryCartRepository(), id -> Optional.empty(), clock);
    final InventoryService inventory = new InventoryService(new InMemoryInventoryStore(), clock);
    final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(random, FailurePolicy.disabled());
    final PaymentService payments = new PaymentService(new InMemoryPaymentRepository(), gateway, clock, random);
    final OrderService orders = new OrderService(orderRepository, clock);
    final SagaOrderIndex index;
    final CheckoutParticipants participants;

    CheckoutFixture() {
        this(new InMemoryCheckoutOrderIndex());
    }

    CheckoutFixture(SagaOrderIndex index) {
        this.index = index;
        inventory.receive(CAFE, Locations.DEFAULT_FULFILMENT, INITIAL_STOCK, "initial");
        inventory.receive(THE, Locations.DEFAULT_FULFILMENT, INITIAL_STOCK, "initial");
        participants = CheckoutParticipants.domain(carts, inventory, payments, orders, index);
    }

    /** A cart of 2 × 29.99 (café) + 1 × 19.99 (thé): subtotal 79.97, tax 11.98, + 9.99 shipping = 101.94. */
    CheckoutRequest cart(String session, long customer) {
        carts.addItem(SessionId.of(session), CAFE, 2, Money.of("29.99"));
        carts.addItem(SessionId.of(session), THE, 1, Money.of("19.99"));
        return CheckoutRequest.of(session, customer);
    }

    void declineAmount(String amount) {
        gateway.configure(new FailurePolicy(true, BigDecimal.ZERO, Money.of(amount), List.of()));
    }

    StockLevel level(ProductId p) {
        return inventory.level(p, Locations.DEFAULT_FULFILMENT).orElseThrow();
    }

    Optional<Payment> payment(SagaId id) {
        return payments.find(TransactionId.of(id.toString()));
    }

    /** captured − refunded for the saga's transaction (0 when none). */
    BigDecimal netCharged(SagaId id) {
        return payment(id).map(p -> p.capturedAmount().minus(p.refundedAmount()).amount()).orElse(BigDecimal.ZERO)
                .setScale(2);
    }

    List<Order> allOrders() {
        return orderRepository.placedBetween(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), null);
    }

    /** Polls and advances the virtual clock until {@code checkout} has nothing left to do (bounded). */
    void drain(Checkout checkout) {
        for (int i = 0; i < 200; i++) {
            checkout.runUntilIdle();
            if (checkout.runtime().listActive(1).isEmpty()) {
                return;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("sagas still active after 200 virtual seconds");
    }
}
