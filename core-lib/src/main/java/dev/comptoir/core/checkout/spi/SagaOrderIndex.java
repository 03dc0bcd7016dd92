package dev.comptoir.core.checkout.spi;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Port: which order each order saga placed, so that placing is idempotent by saga id (the
 * order repository itself is not keyed by saga). Thread-safe.
 *
 * <pre>{@code
 * long id = index.placeOnce(sagaId, () -> orders.place(newOrder).id().value());
 * }</pre>
 */
public interface SagaOrderIndex {

    /** The order placed by {@code sagaId}, if any. */
    Optional<Long> find(String sagaId);

    /**
     * Returns the order already recorded for {@code sagaId}, or runs {@code placer} and records
     * its result. Calls for the same saga are not run concurrently by the order saga (one lease).
     */
    long placeOnce(String sagaId, LongSupplier placer);

    /** Forgets the saga's entry (a no-op for durable adapters that keep it). */
    void forget(String sagaId);
}
