package dev.comptoir.core.memory;

import dev.comptoir.core.checkout.spi.SagaOrderIndex;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Heap {@link SagaOrderIndex}: saga id → order id, forgettable once the saga is finished.
 * Thread-safe.
 *
 * <pre>{@code
 * CheckoutParticipants.domain(carts, inventory, payments, orders, new InMemoryCheckoutOrderIndex());
 * }</pre>
 */
public final class InMemoryCheckoutOrderIndex implements SagaOrderIndex {
    private final ConcurrentHashMap<String, Long> orders = new ConcurrentHashMap<>();

    @Override
    public Optional<Long> find(String sagaId) {
        return Optional.ofNullable(orders.get(Objects.requireNonNull(sagaId, "sagaId")));
    }

    @Override
    public long placeOnce(String sagaId, LongSupplier placer) {
        Objects.requireNonNull(placer, "placer");
        return orders.computeIfAbsent(Objects.requireNonNull(sagaId, "sagaId"), k -> placer.getAsLong());
    }

    @Override
    public void forget(String sagaId) {
        orders.remove(sagaId);
    }

    /** Number of entries held. */
    public int size() {
        return orders.size();
    }
}
