package dev.comptoir.core.order;

import dev.comptoir.core.ComptoirException;

/** Identifier of an order; positive. */
public record OrderId(long value) implements Comparable<OrderId> {
    public OrderId {
        if (value <= 0) {
            throw ComptoirException.invalid("order_id", "must be > 0, was " + value);
        }
    }

    public static OrderId of(long value) {
        return new OrderId(value);
    }

    @Override
    public int compareTo(OrderId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
