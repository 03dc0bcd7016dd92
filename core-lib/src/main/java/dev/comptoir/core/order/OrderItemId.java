package dev.comptoir.core.order;

import dev.comptoir.core.ComptoirException;

/** Identifier of an order line ({@code order_items.id}); positive. */
public record OrderItemId(long value) {
    public OrderItemId {
        if (value <= 0) {
            throw ComptoirException.invalid("item_id", "must be > 0, was " + value);
        }
    }

    public static OrderItemId of(long value) {
        return new OrderItemId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
