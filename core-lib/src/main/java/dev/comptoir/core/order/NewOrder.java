package dev.comptoir.core.order;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.cart.Cart;
import dev.comptoir.core.cart.CartLine;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Command: place an order. Validated on construction; {@code billingAddress} defaults to the
 * shipping address, {@code shipping} to {@value #DEFAULT_SHIPPING}, {@code province} to QC and
 * {@code references} to none.
 *
 * <pre>{@code
 * Order o = orders.place(new NewOrder(CustomerId.of(1),
 *         List.of(new NewOrderLine(ProductId.of(1), "Café Premium Bio", null, 2, Money.of("29.99"))),
 *         OrderAddress.of("ville", "Montréal"), null, null, null, null));
 * }</pre>
 *
 * @param customerId      required
 * @param lines           at least one
 * @param shippingAddress required
 * @param billingAddress  optional
 * @param shipping        optional, &ge; 0
 * @param province        optional
 * @param references      optional
 */
public record NewOrder(CustomerId customerId, List<NewOrderLine> lines, OrderAddress shippingAddress,
                       OrderAddress billingAddress, Money shipping, Province province, OrderReferences references) {
    /** The reference's default shipping amount. */
    public static final String DEFAULT_SHIPPING = "9.99";

    public NewOrder {
        if (customerId == null) {
            throw ComptoirException.invalid("customer_id", "is required");
        }
        if (lines == null || lines.isEmpty()) {
            throw ComptoirException.invalid("items", "at least one item is required");
        }
        lines = List.copyOf(lines);
        if (shippingAddress == null) {
            throw ComptoirException.invalid("shipping_address", "is required");
        }
        billingAddress = billingAddress == null ? shippingAddress : billingAddress;
        shipping = shipping == null ? Money.of(DEFAULT_SHIPPING) : shipping;
        if (shipping.isNegative()) {
            throw ComptoirException.invalid("shipping_amount", "must be >= 0, was " + shipping);
        }
        province = province == null ? Province.QC : province;
        references = references == null ? OrderReferences.NONE : references;
    }

    /** An order of a cart's lines (an empty cart is refused with INVALID_INPUT on {@code items}). */
    public static NewOrder fromCart(Cart cart, CustomerId customerId, OrderAddress shippingAddress,
                                    OrderAddress billingAddress, Province province, OrderReferences references) {
        Objects.requireNonNull(cart, "cart");
        if (cart.isEmpty()) {
            throw ComptoirException.invalid("items", "cart " + cart.sessionId() + " is empty");
        }
        CustomerId who = customerId != null ? customerId : cart.customerId();
        List<NewOrderLine> lines = cart.lines().stream().map(NewOrder::line).toList();
        return new NewOrder(who, lines, shippingAddress, billingAddress, null, province, references);
    }

    private static NewOrderLine line(CartLine l) {
        return new NewOrderLine(l.productId(), l.productName(), null, l.quantity(), l.unitPrice());
    }

    /** The stored order once the repository assigned its ids (one per line, in order). */
    public Order toOrder(OrderId id, List<OrderItemId> itemIds, Instant placedAt) {
        if (itemIds.size() != lines.size()) {
            throw new IllegalArgumentException("need " + lines.size() + " item ids, got " + itemIds.size());
        }
        List<OrderLine> stored = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            stored.add(lines.get(i).withId(itemIds.get(i)));
        }
        return new Order(id, customerId, OrderStatus.PENDING, stored, province, shipping, shippingAddress,
                billingAddress, references, placedAt, placedAt);
    }
}
