package dev.comptoir.core.postgres;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.checkout.spi.SagaOrderIndex;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link SagaOrderIndex} on PostgreSQL (table {@code checkout_order_index}, migration V100).
 * Entries are durable: {@link #forget} keeps them. Thread-safe.
 *
 * <pre>{@code
 * SagaOrderIndex index = new PgCheckoutOrderIndex(database.jdbi());
 * }</pre>
 */
public final class PgCheckoutOrderIndex implements SagaOrderIndex {
    private final Jdbi jdbi;

    public PgCheckoutOrderIndex(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<Long> find(String sagaId) {
        Objects.requireNonNull(sagaId, "sagaId");
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT order_id FROM checkout_order_index WHERE saga_id = :s")
                    .bind("s", sagaId).mapTo(Long.class).findOne());
        } catch (JdbiException e) {
            throw ComptoirException.unavailable("reading the order of saga " + sagaId, e);
        }
    }

    @Override
    public long placeOnce(String sagaId, LongSupplier placer) {
        Objects.requireNonNull(placer, "placer");
        Optional<Long> seen = find(sagaId);
        if (seen.isPresent()) {
            return seen.get();
        }
        long placed = placer.getAsLong();
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO checkout_order_index (saga_id, order_id) VALUES (:s, :o) "
                    + "ON CONFLICT (saga_id) DO NOTHING").bind("s", sagaId).bind("o", placed).execute());
        } catch (JdbiException e) {
            throw ComptoirException.unavailable("recording the order of saga " + sagaId, e);
        }
        return find(sagaId).orElse(placed);
    }

    @Override
    public void forget(String sagaId) {
        // durable: the index is the idempotency record of the saga's order
    }
}
