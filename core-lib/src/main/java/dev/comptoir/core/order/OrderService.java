package dev.comptoir.core.order;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.cart.Cart;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Use-cases of e-commerce orders: placing (from a cart or explicit lines), state changes,
 * item edits while pending, listing and analytics.
 *
 * <pre>{@code
 * OrderService orders = new OrderService(new InMemoryOrderRepository(), clock);
 * Order o = orders.placeFromCart(cart, CustomerId.of(1), OrderAddress.of("ville", "Québec"), null);
 * orders.changeStatus(o.id(), OrderStatus.CONFIRMED);
 * orders.cancel(o.id());
 * }</pre>
 *
 * <p>Thread-safe when its repository is.
 */
public final class OrderService {
    /** Longest analytics period. */
    public static final int MAX_DAYS = 3660;

    private final OrderRepository orders;
    private final Clock clock;

    public OrderService(OrderRepository orders, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Places a pending order. */
    public Order place(NewOrder order) {
        return orders.insert(Objects.requireNonNull(order, "order"), now());
    }

    /**
     * Places a pending order of the cart's lines, in Québec, with the default shipping.
     *
     * @param customer the customer, or null to use the cart's
     */
    public Order placeFromCart(Cart cart, CustomerId customer, OrderAddress shippingAddress, OrderAddress billingAddress) {
        return place(NewOrder.fromCart(cart, customer, shippingAddress, billingAddress, Province.QC, null));
    }

    /** The order; NOT_FOUND when absent. */
    public Order get(OrderId id) {
        return orders.find(Objects.requireNonNull(id, "id")).orElseThrow(() -> notFound(id));
    }

    /** The order when it belongs to {@code customer}; NOT_FOUND otherwise (no leak of other customers' orders). */
    public Order getForCustomer(OrderId id, CustomerId customer) {
        Order o = get(id);
        if (!o.customerId().equals(customer)) {
            throw notFound(id);
        }
        return o;
    }

    /** Moves the order to {@code status}; CONFLICT when the transition is not allowed. */
    public Order changeStatus(OrderId id, OrderStatus status) {
        Objects.requireNonNull(status, "status");
        Instant now = now();
        return orders.update(id, o -> o.movedTo(status, now));
    }

    /** Cancels the order (only while pending or confirmed, else CONFLICT). */
    public Order cancel(OrderId id) {
        return changeStatus(id, OrderStatus.CANCELLED);
    }

    /** Changes a line's quantity of a pending order; totals follow. */
    public Order changeItemQuantity(OrderId id, OrderItemId item, int quantity) {
        Instant now = now();
        return orders.update(id, o -> o.withItemQuantity(item, quantity, now));
    }

    /** Removes a line of a pending order (never the last one). */
    public Order removeItem(OrderId id, OrderItemId item) {
        Instant now = now();
        return orders.update(id, o -> o.withoutItem(item, now));
    }

    /** Records the saga / payment / reservation ids of the order. */
    public Order attachReferences(OrderId id, OrderReferences references) {
        Objects.requireNonNull(references, "references");
        Instant now = now();
        return orders.update(id, o -> o.withReferences(references, now));
    }

    /** Orders matching the query, newest first. */
    public OrderPage list(OrderQuery query) {
        return orders.list(Objects.requireNonNull(query, "query"));
    }

    /** Figures for the last {@code days} days, of one customer when {@code customer} is non-null. */
    public OrderAnalytics analytics(CustomerId customer, int days) {
        checkDays(days);
        Instant end = now();
        Instant start = end.minus(Duration.ofDays(days));
        List<Order> placed = orders.placedBetween(start, end.plusNanos(1), customer);
        Map<OrderStatus, Long> breakdown = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            breakdown.put(s, 0L);
        }
        Money revenue = Money.ZERO;
        long counted = 0;
        for (Order o : placed) {
            breakdown.merge(o.status(), 1L, Long::sum);
            if (o.status() != OrderStatus.CANCELLED) {
                revenue = revenue.plus(o.total());
                counted++;
            }
        }
        Money average = counted == 0 ? Money.ZERO
                : Money.of(revenue.amount().divide(java.math.BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP));
        return new OrderAnalytics(days, start, end, placed.size(), revenue, average, breakdown);
    }

    /** The {@code limit} products with the most units ordered over the last {@code days} days. */
    public List<TopProduct> topProducts(int limit, int days) {
        checkDays(days);
        if (limit < 1 || limit > 100) {
            throw ComptoirException.invalid("limit", "must be in 1..100, was " + limit);
        }
        Instant end = now();
        List<Order> placed = orders.placedBetween(end.minus(Duration.ofDays(days)), end.plusNanos(1), null);
        Map<ProductId, Acc> acc = new HashMap<>();
        for (Order o : placed) {
            if (o.status() == OrderStatus.CANCELLED) {
                continue;
            }
            for (ProductId p : o.lines().stream().map(OrderLine::productId).distinct().toList()) {
                acc.computeIfAbsent(p, k -> new Acc()).orders++;
            }
            for (OrderLine l : o.lines()) {
                Acc a = acc.get(l.productId());
                a.name = l.productName();
                a.quantity += l.quantity();
                a.revenue = a.revenue.plus(l.lineTotal());
            }
        }
        return acc.entrySet().stream()
                .map(e -> new TopProduct(e.getKey(), e.getValue().name, e.getValue().quantity, e.getValue().revenue,
                        e.getValue().orders))
                .sorted(Comparator.comparingLong(TopProduct::totalQuantity).reversed()
                        .thenComparing(TopProduct::totalRevenue, Comparator.reverseOrder())
                        .thenComparing(TopProduct::productId))
                .limit(limit)
                .toList();
    }

    private static void checkDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw ComptoirException.invalid("days", "must be in 1.." + MAX_DAYS + ", was " + days);
        }
    }

    private static ComptoirException notFound(OrderId id) {
        return ComptoirException.notFound("order", id);
    }

    private static final class Acc {
        String name;
        long quantity;
        long orders;
        Money revenue = Money.ZERO;
    }

    /** The clock's time at the microsecond, the precision every adapter stores. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
