package dev.comptoir.core.checkout.spi;

import dev.comptoir.core.checkout.OrderSagaData;

/**
 * Port: the order an order saga places ({@code CONFIRM_ORDER}). Idempotent by saga id: placing
 * twice returns the first order's id. Thread-safe.
 *
 * <pre>{@code
 * long orderId = orders.place(sagaId, data);
 * orders.confirm(sagaId);
 * }</pre>
 */
public interface CheckoutOrders {

    /** Places the order of {@code data} once per {@code sagaId}; returns its id. */
    long place(String sagaId, OrderSagaData data);

    /** Marks the saga's order confirmed (idempotent). */
    void confirm(String sagaId);

    /** Cancels the saga's order if one was placed (idempotent; a no-op when none). */
    void cancel(String sagaId);

    /** Drops what is kept to make {@link #place} idempotent for a finished saga (memory adapters). */
    default void forget(String sagaId) {
    }
}
