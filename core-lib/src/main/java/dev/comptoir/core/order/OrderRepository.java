package dev.comptoir.core.order;

import dev.comptoir.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Port: where orders are stored. Thread-safe; {@link #update} is atomic per order.
 */
public interface OrderRepository {

    /** Stores a new pending order placed at {@code placedAt}, assigning its id and line ids. */
    Order insert(NewOrder order, Instant placedAt);

    /** The order with this id. */
    Optional<Order> find(OrderId id);

    /**
     * Atomically replaces the order by {@code change(current)}. The change may alter status,
     * references and quantities and remove lines, never add lines. If it throws, nothing is
     * written.
     *
     * @throws dev.comptoir.core.ComptoirException NOT_FOUND when absent
     */
    Order update(OrderId id, UnaryOperator<Order> change);

    /** Matching orders, newest first (then highest id first). */
    OrderPage list(OrderQuery query);

    /** Orders placed in {@code [from, to)}, of one customer when {@code customer} is non-null, oldest first. */
    List<Order> placedBetween(Instant from, Instant to, CustomerId customer);
}
