package dev.comptoir.core.cart;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.TaxPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A shopping cart keyed by session id. Immutable: every change returns a new cart.
 *
 * @param sessionId  its key
 * @param customerId the customer it was associated with, or null
 * @param lines      one line per product, in the order added
 * @param createdAt  creation time
 * @param updatedAt  last change
 * @param expiresAt  when it expires (a cart is gone once {@code now >= expiresAt})
 */
public record Cart(SessionId sessionId, CustomerId customerId, List<CartLine> lines, Instant createdAt,
                   Instant updatedAt, Instant expiresAt) {
    public Cart {
        Objects.requireNonNull(sessionId, "sessionId");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        for (int i = 1; i < lines.size(); i++) { // carts are small: pairwise beats a stream + set
            for (int j = 0; j < i; j++) {
                if (lines.get(i).productId().equals(lines.get(j).productId())) {
                    throw new IllegalArgumentException("a cart has one line per product");
                }
            }
        }
    }

    /** An empty cart created at {@code now}, expiring at {@code expiresAt}. */
    public static Cart empty(SessionId sessionId, Instant now, Instant expiresAt) {
        return new Cart(sessionId, null, List.of(), now, now, expiresAt);
    }

    /** The line of {@code product}, if any. */
    public Optional<CartLine> line(ProductId product) {
        for (CartLine l : lines) {
            if (l.productId().equals(product)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** True once {@code now} has reached the expiry time. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** True when the cart has no line. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Sum of quantities. */
    public long totalItems() {
        return lines.stream().mapToLong(CartLine::quantity).sum();
    }

    /** Sum of line subtotals. */
    public Money subtotal() {
        return lines.stream().map(CartLine::subtotal).reduce(Money.ZERO, Money::plus);
    }

    /** Totals with taxes computed by {@code policy} on the whole subtotal. */
    public CartTotals totals(TaxPolicy policy) {
        return CartTotals.of(policy.province(), totalItems(), policy.apply(subtotal()));
    }

    /**
     * Adds a line, or adds {@code line.quantity()} to the existing line of the same product
     * (keeping that line's price and name).
     */
    public Cart withLineAdded(CartLine line, Instant now) {
        Objects.requireNonNull(line, "line");
        List<CartLine> next = new ArrayList<>(lines);
        Optional<CartLine> existing = line(line.productId());
        if (existing.isPresent()) {
            long q = (long) existing.get().quantity() + line.quantity();
            CartLine.checkQuantity(q);
            next.set(lines.indexOf(existing.get()), existing.get().withQuantity((int) q));
        } else {
            next.add(line);
        }
        return new Cart(sessionId, customerId, next, createdAt, now, expiresAt);
    }

    /**
     * Sets the quantity of a product's line.
     *
     * @throws ComptoirException NOT_FOUND when the cart has no line for it; INVALID_INPUT when quantity &le; 0
     */
    public Cart withQuantity(ProductId product, int quantity, Instant now) {
        CartLine.checkQuantity(quantity);
        CartLine l = line(product).orElseThrow(() -> ComptoirException.notFound("cart item", product));
        List<CartLine> next = new ArrayList<>(lines);
        next.set(lines.indexOf(l), l.withQuantity(quantity));
        return new Cart(sessionId, customerId, next, createdAt, now, expiresAt);
    }

    /**
     * Removes a product's line.
     *
     * @throws ComptoirException NOT_FOUND when the cart has no line for it
     */
    public Cart withoutLine(ProductId product, Instant now) {
        CartLine l = line(product).orElseThrow(() -> ComptoirException.notFound("cart item", product));
        List<CartLine> next = new ArrayList<>(lines);
        next.remove(l);
        return new Cart(sessionId, customerId, next, createdAt, now, expiresAt);
    }

    /** The same cart without any line. */
    public Cart emptied(Instant now) {
        return new Cart(sessionId, customerId, List.of(), createdAt, now, expiresAt);
    }

    /** The same cart associated with a customer. */
    public Cart withCustomer(CustomerId customer, Instant now) {
        return new Cart(sessionId, Objects.requireNonNull(customer, "customer"), lines, createdAt, now, expiresAt);
    }

    /** The same cart with another expiry time. */
    public Cart withExpiry(Instant expiresAt, Instant now) {
        return new Cart(sessionId, customerId, lines, createdAt, now, expiresAt);
    }
}
