package dev.comptoir.core.checkout;

import dev.comptoir.core.cart.CartService;
import dev.comptoir.core.checkout.spi.CheckoutCart;
import dev.comptoir.core.checkout.spi.CheckoutOrders;
import dev.comptoir.core.checkout.spi.CheckoutPayments;
import dev.comptoir.core.checkout.spi.CheckoutStock;
import dev.comptoir.core.checkout.spi.SagaOrderIndex;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.order.OrderService;
import dev.comptoir.core.payment.PaymentService;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The four participants of the order saga. Built over core-lib's services with
 * {@link #domain}; wrap any of them (e.g. {@link #withPayments}) to inject latency, timeouts or
 * failures in a simulator.
 *
 * <pre>{@code
 * CheckoutParticipants p = CheckoutParticipants.domain(carts, inventory, payments, orders,
 *         new InMemoryCheckoutOrderIndex());
 * CheckoutParticipants flaky = p.withPayments(real -> new FlakyPayments(real, random));
 * }</pre>
 *
 * @param cart     {@code VALIDATE_CART}
 * @param stock    {@code RESERVE_STOCK} / {@code RELEASE_STOCK} and the reservation confirmation
 * @param payments {@code PROCESS_PAYMENT} / {@code REFUND_PAYMENT}
 * @param orders   {@code CONFIRM_ORDER}
 */
public record CheckoutParticipants(CheckoutCart cart, CheckoutStock stock, CheckoutPayments payments,
                                   CheckoutOrders orders) {
    public CheckoutParticipants {
        Objects.requireNonNull(cart, "cart");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(orders, "orders");
    }

    /** Participants over core-lib's services; {@code index} makes order placement idempotent by saga id. */
    public static CheckoutParticipants domain(CartService carts, InventoryService inventory, PaymentService payments,
                                              OrderService orders, SagaOrderIndex index) {
        return new CheckoutParticipants(new DomainParticipants.Cart(carts), new DomainParticipants.Stock(inventory),
                new DomainParticipants.Payments(payments), new DomainParticipants.Orders(orders, index));
    }

    /** Same participants with the cart port replaced by {@code wrap(cart)}. */
    public CheckoutParticipants withCart(UnaryOperator<CheckoutCart> wrap) {
        return new CheckoutParticipants(wrap.apply(cart), stock, payments, orders);
    }

    /** Same participants with the stock port replaced by {@code wrap(stock)}. */
    public CheckoutParticipants withStock(UnaryOperator<CheckoutStock> wrap) {
        return new CheckoutParticipants(cart, wrap.apply(stock), payments, orders);
    }

    /** Same participants with the payment port replaced by {@code wrap(payments)}. */
    public CheckoutParticipants withPayments(UnaryOperator<CheckoutPayments> wrap) {
        return new CheckoutParticipants(cart, stock, wrap.apply(payments), orders);
    }

    /** Same participants with the order port replaced by {@code wrap(orders)}. */
    public CheckoutParticipants withOrders(UnaryOperator<CheckoutOrders> wrap) {
        return new CheckoutParticipants(cart, stock, payments, wrap.apply(orders));
    }
}
