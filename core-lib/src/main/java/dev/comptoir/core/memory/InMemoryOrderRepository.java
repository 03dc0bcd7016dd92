package dev.comptoir.core.memory;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.order.NewOrder;
import dev.comptoir.core.order.Order;
import dev.comptoir.core.order.OrderId;
import dev.comptoir.core.order.OrderItemId;
import dev.comptoir.core.order.OrderPage;
import dev.comptoir.core.order.OrderQuery;
import dev.comptoir.core.order.OrderRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** {@link OrderRepository} in memory; {@link #forget} drops finished orders. Thread-safe (one lock). */
public final class InMemoryOrderRepository implements OrderRepository {
    private static final Comparator<Order> NEWEST_FIRST =
            Comparator.comparing(Order::orderDate).thenComparing(Order::id).reversed();

    private final TreeMap<OrderId, Order> orders = new TreeMap<>();
    private long nextOrderId = 1;
    private long nextItemId = 1;

    @Override
    public synchronized Order insert(NewOrder order, Instant placedAt) {
        Objects.requireNonNull(order, "order");
        List<OrderItemId> itemIds = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            itemIds.add(OrderItemId.of(nextItemId++));
        }
        Order o = order.toOrder(OrderId.of(nextOrderId++), itemIds, placedAt);
        orders.put(o.id(), o);
        return o;
    }

    @Override
    public synchronized Optional<Order> find(OrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public synchronized Order update(OrderId id, UnaryOperator<Order> change) {
        Order current = orders.get(id);
        if (current == null) {
            throw ComptoirException.notFound("order", id);
        }
        Order next = Objects.requireNonNull(change.apply(current), "change returned null");
        if (!next.id().equals(id)) {
            throw new IllegalArgumentException("change returned another order: " + next.id());
        }
        var known = current.lines().stream().map(l -> l.id()).toList();
        if (!next.lines().stream().allMatch(l -> known.contains(l.id()))) {
            throw new IllegalArgumentException("an update cannot add lines");
        }
        orders.put(id, next);
        return next;
    }

    @Override
    public synchronized OrderPage list(OrderQuery query) {
        List<Order> matching = orders.values().stream().filter(query::matches).sorted(NEWEST_FIRST).toList();
        int from = (int) Math.min((long) (query.page() - 1) * query.perPage(), matching.size());
        int to = Math.min(from + query.perPage(), matching.size());
        return new OrderPage(matching.subList(from, to), query, matching.size());
    }

    @Override
    public synchronized List<Order> placedBetween(Instant from, Instant to, CustomerId customer) {
        return orders.values().stream()
                .filter(o -> !o.orderDate().isBefore(from) && o.orderDate().isBefore(to))
                .filter(o -> customer == null || customer.equals(o.customerId()))
                .sorted(Comparator.comparing(Order::orderDate).thenComparing(Order::id))
                .toList();
    }

    /**
     * Removes an order and returns it, if it is there: a long-running caller (the simulator) keeps
     * only the orders still in flight.
     */
    public synchronized Optional<Order> forget(OrderId id) {
        return Optional.ofNullable(orders.remove(id));
    }

    /** Orders held now. */
    public synchronized int size() {
        return orders.size();
    }
}
