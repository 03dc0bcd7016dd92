package dev.comptoir.core.postgres;

import dev.comptoir.core.cart.CartService;
import dev.comptoir.core.checkout.Checkout;
import dev.comptoir.core.checkout.CheckoutParticipants;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.order.OrderService;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.saga.SagaStore;
import java.util.Objects;

/**
 * Wiring of the order saga on PostgreSQL: saga-lib's PostgreSQL store in the schema
 * {@code <core schema>_saga} (saga-lib's Flyway refuses a non-empty schema it has no history
 * table in, so it cannot share the core schema once core's migrations ran) and the durable
 * saga → order index in the core schema.
 *
 * <pre>{@code
 * PostgresDatabase db = PostgresDatabase.connect(url, user, password, "comptoir", 8).migrate();
 * CheckoutParticipants p = PgCheckout.participants(db, carts, inventory, payments, orders);
 * Checkout checkout = PgCheckout.builder(db, p).clock(clock).build();
 * checkout.startWorkers(2);
 * }</pre>
 */
public final class PgCheckout {
    private PgCheckout() {
    }

    /** Participants over core-lib's services with a {@link PgCheckoutOrderIndex} in {@code db}. */
    public static CheckoutParticipants participants(PostgresDatabase db, CartService carts, InventoryService inventory,
                                                    PaymentService payments, OrderService orders) {
        Objects.requireNonNull(db, "db");
        return CheckoutParticipants.domain(carts, inventory, payments, orders, new PgCheckoutOrderIndex(db.jdbi()));
    }

    /** A checkout builder whose sagas live in {@link #sagaSchema(PostgresDatabase)} (migrated by saga-lib). */
    public static Checkout.Builder builder(PostgresDatabase db, CheckoutParticipants participants) {
        Objects.requireNonNull(db, "db");
        return Checkout.builder(participants).store(sagaStore(db));
    }

    /** saga-lib's PostgreSQL store in {@link #sagaSchema(PostgresDatabase)}, created and migrated if needed. */
    public static SagaStore sagaStore(PostgresDatabase db) {
        return SagaStore.postgres(db.dataSource(), sagaSchema(db));
    }

    /** {@code <core schema>_saga}. */
    public static String sagaSchema(PostgresDatabase db) {
        return db.schema() + "_saga";
    }
}
