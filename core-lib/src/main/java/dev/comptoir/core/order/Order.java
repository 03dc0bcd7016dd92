package dev.comptoir.core.order;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import dev.comptoir.core.money.TaxBreakdown;
import dev.comptoir.core.money.TaxPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An e-commerce order. Immutable; its amounts are always consistent with its lines:
 * {@code subtotal = Σ line totals}, {@code tax} by the single {@link TaxPolicy} of its province,
 * {@code total = subtotal + tax + shipping}.
 *
 * @param id              its id
 * @param customerId      who ordered
 * @param status          current state
 * @param lines           at least one line
 * @param province        whose taxes apply
 * @param shipping        shipping amount, &ge; 0
 * @param shippingAddress where to ship
 * @param billingAddress  where to bill (the shipping address when none was given)
 * @param references      saga / payment / reservation ids
 * @param orderDate       when it was placed
 * @param updatedAt       last change
 */
public record Order(OrderId id, CustomerId customerId, OrderStatus status, List<OrderLine> lines, Province province,
                    Money shipping, OrderAddress shippingAddress, OrderAddress billingAddress,
                    OrderReferences references, Instant orderDate, Instant updatedAt) {
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw ComptoirException.invalid("items", "an order has at least one item");
        }
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(shipping, "shipping");
        if (shipping.isNegative()) {
            throw ComptoirException.invalid("shipping_amount", "must be >= 0, was " + shipping);
        }
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(billingAddress, "billingAddress");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Σ line totals. */
    public Money subtotal() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money.ZERO, Money::plus);
    }

    /** Taxes on the subtotal (with the GST/QST split). */
    public TaxBreakdown taxes() {
        return TaxPolicy.of(province).apply(subtotal());
    }

    /** {@code tax_amount}. */
    public Money tax() {
        return taxes().tax();
    }

    /** {@code total_amount = subtotal + tax + shipping}. */
    public Money total() {
        return taxes().total().plus(shipping);
    }

    /** Sum of quantities. */
    public long totalItems() {
        return lines.stream().mapToLong(OrderLine::quantity).sum();
    }

    /** The line with this id; NOT_FOUND otherwise. */
    public OrderLine line(OrderItemId item) {
        return lines.stream().filter(l -> l.id().equals(item)).findFirst()
                .orElseThrow(() -> ComptoirException.notFound("order item", item));
    }

    /**
     * This order moved to {@code target}. Moving to the current status is a no-op.
     *
     * @throws ComptoirException CONFLICT when {@link OrderStatus#canMoveTo} refuses
     */
    public Order movedTo(OrderStatus target, Instant now) {
        Objects.requireNonNull(target, "target");
        if (target == status) {
            return this;
        }
        if (!status.canMoveTo(target)) {
            throw ComptoirException.invalidTransition("order " + id, status.wireName(), target.wireName());
        }
        return new Order(id, customerId, target, lines, province, shipping, shippingAddress, billingAddress,
                references, orderDate, now);
    }

    /** This order with a line's quantity changed; only while pending (else CONFLICT). */
    public Order withItemQuantity(OrderItemId item, int quantity, Instant now) {
        OrderLine.checkQuantity(quantity);
        requireEditable();
        OrderLine l = line(item);
        List<OrderLine> next = new ArrayList<>(lines);
        next.set(lines.indexOf(l), l.withQuantity(quantity));
        return withLines(next, now);
    }

    /** This order without a line; only while pending and never the last line (else CONFLICT). */
    public Order withoutItem(OrderItemId item, Instant now) {
        requireEditable();
        OrderLine l = line(item);
        if (lines.size() == 1) {
            throw ComptoirException.conflict("items", "cannot remove the last item of order " + id);
        }
        List<OrderLine> next = new ArrayList<>(lines);
        next.remove(l);
        return withLines(next, now);
    }

    /** This order with other references. */
    public Order withReferences(OrderReferences refs, Instant now) {
        return new Order(id, customerId, status, lines, province, shipping, shippingAddress, billingAddress,
                Objects.requireNonNull(refs, "refs"), orderDate, now);
    }

    private Order withLines(List<OrderLine> next, Instant now) {
        return new Order(id, customerId, status, next, province, shipping, shippingAddress, billingAddress,
                references, orderDate, now);
    }

    private void requireEditable() {
        if (status != OrderStatus.PENDING) {
            throw ComptoirException.conflict("status", "items of order " + id + " can only change while pending, status is "
                    + status.wireName());
        }
    }
}
