package dev.comptoir.core.salesview;

import dev.comptoir.core.checkout.CheckoutStatus;
import dev.comptoir.core.checkout.OrderSagaStatus;
import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Appends {@link SalesEvent}s to the event store, one stream per store ({@code sales-<store>}),
 * with event ids derived from the business id so publishing the same fact twice appends once.
 *
 * <pre>{@code
 * SalesPublisher sales = new SalesPublisher(store, clock);
 * sales.saleRecorded("sale-17", 2, new BigDecimal("59.98"), 2);
 * checkout = Checkout.builder(p).onFinished(sales::orderFinished).build();   // completed orders
 * }</pre>
 */
public final class SalesPublisher {
    private final EventStore store;
    private final EventSerializer serializer;
    private final Clock clock;

    public SalesPublisher(EventStore store, Clock clock) {
        this(store, SalesEventTypes.serializer(), clock);
    }

    public SalesPublisher(EventStore store, EventSerializer serializer, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A POS sale. */
    public void saleRecorded(String saleId, int storeId, BigDecimal amount, int items) {
        Instant now = clock.instant();
        append(storeId, "sale:" + saleId, new SalesEvent.SaleRecorded(saleId, storeId, amount, items, now), now);
    }

    /** A POS return; {@code returnId} identifies this return (a sale may have several). */
    public void saleReturned(String returnId, String saleId, int storeId, BigDecimal amount) {
        Instant now = clock.instant();
        append(storeId, "return:" + returnId, new SalesEvent.SaleReturned(saleId, storeId, amount, now), now);
    }

    /** An order completed by the order saga. */
    public void orderCompleted(String sagaId, int locationId, BigDecimal amount) {
        Instant now = clock.instant();
        append(locationId, "order:" + sagaId, new SalesEvent.OrderCompleted(sagaId, locationId, amount, now), now);
    }

    /**
     * For {@code Checkout.Builder#onFinished}: publishes {@code OrderCompleted} for a COMPLETED saga at
     * {@code locationId}; other outcomes are ignored.
     */
    public void orderFinished(CheckoutStatus status, int locationId) {
        if (status.status() == OrderSagaStatus.COMPLETED && status.amount() != null) {
            orderCompleted(status.sagaId(), locationId, status.amount());
        }
    }

    private void append(int storeId, String key, SalesEvent event, Instant now) {
        UUID id = UUID.nameUUIDFromBytes(("sales:" + key).getBytes(StandardCharsets.UTF_8));
        store.append("sales-" + storeId, ExpectedVersion.any(), serializer.envelope(id, event, EventMetadata.of(now)));
    }
}
