package dev.comptoir.core.cart;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import dev.comptoir.core.money.TaxPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Use-cases of shopping carts keyed by session id.
 *
 * <pre>{@code
 * CartService carts = new CartService(new InMemoryCartRepository(), catalogue::find, clock);
 * SessionId s = SessionId.of("sess-42");
 * carts.addItem(s, ProductId.of(1), 2, Money.of("25.99"));
 * carts.addItem(s, ProductId.of(2), 1, Money.of("45.50"));
 * CartTotals t = carts.totals(s, Province.QC); // subtotal 97.48, tax 14.60, final 112.08
 * }</pre>
 *
 * <p>An expired cart behaves as absent: reading it creates a fresh one. Thread-safe when its
 * ports are.
 */
public final class CartService {
    /** Default time to live of a cart (the reference's Redis TTL, 86 400 s). */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    private final CartRepository carts;
    private final ProductLookup products;
    private final Clock clock;
    private final Duration ttl;

    /** A service whose carts live {@link #DEFAULT_TTL}. */
    public CartService(CartRepository carts, ProductLookup products, Clock clock) {
        this(carts, products, clock, DEFAULT_TTL);
    }

    public CartService(CartRepository carts, ProductLookup products, Clock clock, Duration ttl) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.products = Objects.requireNonNull(products, "products");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be > 0, was " + ttl);
        }
    }

    /** The session's cart, created empty (and stored) when absent or expired. */
    public Cart get(SessionId id) {
        Instant now = now();
        return carts.compute(id, current -> live(current, now).orElseGet(() -> fresh(id, now)));
    }

    /** The session's live cart, without creating one. */
    public Optional<Cart> find(SessionId id) {
        return live(carts.find(id), now());
    }

    /**
     * Adds {@code quantity} of a catalogue product at its catalogue price (an existing line of
     * that product is incremented). Creates the cart if needed.
     *
     * @throws ComptoirException INVALID_INPUT on {@code quantity}, or on {@code product_id} when the
     *                           product is unknown or inactive
     */
    public Cart addItem(SessionId id, ProductId product, int quantity) {
        Objects.requireNonNull(product, "product");
        CartLine.checkQuantity(quantity);
        Product p = products.find(product).filter(Product::active)
                .orElseThrow(() -> ComptoirException.invalid("product_id", "Produit " + product + " introuvable"));
        return add(id, new CartLine(product, p.name(), p.sku(), p.unitPrice(), quantity));
    }

    /**
     * Adds {@code quantity} of a product at an explicit price; the line is named
     * {@code Produit <id>} and has no sku.
     */
    public Cart addItem(SessionId id, ProductId product, int quantity, Money price) {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(price, "price");
        return add(id, new CartLine(product, "Produit " + product, null, price, quantity));
    }

    private Cart add(SessionId id, CartLine line) {
        Instant now = now();
        return carts.compute(id, current -> live(current, now).orElseGet(() -> fresh(id, now)).withLineAdded(line, now));
    }

    /**
     * Sets a line's quantity (&gt; 0; use {@link #removeItem} to remove).
     *
     * @throws ComptoirException NOT_FOUND when the cart or line is absent
     */
    public Cart changeQuantity(SessionId id, ProductId product, int quantity) {
        CartLine.checkQuantity(quantity);
        Instant now = now();
        return carts.compute(id, current -> existing(id, current, now).withQuantity(product, quantity, now));
    }

    /** Removes a product's line; NOT_FOUND when the cart or line is absent. */
    public Cart removeItem(SessionId id, ProductId product) {
        Instant now = now();
        return carts.compute(id, current -> existing(id, current, now).withoutLine(product, now));
    }

    /** Deletes the cart ({@code Panier vidé}); NOT_FOUND when there is no live cart. */
    public void clear(SessionId id) {
        if (find(id).isEmpty() || !carts.delete(id)) {
            throw ComptoirException.notFound("cart", id);
        }
    }

    /** Associates the cart with a customer; NOT_FOUND when there is no live cart. */
    public Cart associateCustomer(SessionId id, CustomerId customer) {
        Objects.requireNonNull(customer, "customer");
        Instant now = now();
        return carts.compute(id, current -> existing(id, current, now).withCustomer(customer, now));
    }

    /** Extends the cart's life: it now expires {@code by} from now. */
    public Cart extend(SessionId id, Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative() || by.isZero() || by.compareTo(Duration.ofDays(30)) > 0) {
            throw ComptoirException.invalid("hours", "must be > 0 and at most 30 days, was " + by);
        }
        Instant now = now();
        return carts.compute(id, current -> existing(id, current, now).withExpiry(now.plus(by), now));
    }

    /** Totals of the live cart with the taxes of {@code province}; NOT_FOUND when absent. */
    public CartTotals totals(SessionId id, Province province) {
        Objects.requireNonNull(province, "province");
        Cart cart = find(id).orElseThrow(() -> ComptoirException.notFound("cart", id));
        return cart.totals(TaxPolicy.of(province));
    }

    /** Deletes expired carts; returns how many. */
    public int purgeExpired() {
        return carts.deleteExpired(now());
    }

    /** Number of live carts. */
    public long activeCarts() {
        return carts.countActive(now());
    }

    private Cart fresh(SessionId id, Instant now) {
        return Cart.empty(id, now, now.plus(ttl));
    }

    private static Optional<Cart> live(Optional<Cart> cart, Instant now) {
        return cart.filter(c -> !c.isExpiredAt(now));
    }

    private static Cart existing(SessionId id, Optional<Cart> current, Instant now) {
        return live(current, now).orElseThrow(() -> ComptoirException.notFound("cart", id));
    }

    /** The clock's time at the microsecond, the precision every adapter stores. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
