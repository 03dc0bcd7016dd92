package dev.comptoir.core.salesview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * Facts the sales projection counts, appended to the event store by {@link SalesPublisher}: a
 * POS sale, a POS return, and an e-commerce order whose saga completed. Type names are the
 * record names. Amounts are BigDecimal with scale 2.
 *
 * <pre>{@code
 * new SalesEvent.SaleRecorded("sale-1", 2, new BigDecimal("59.98"), 2, now);
 * }</pre>
 */
public sealed interface SalesEvent {

    /** The store (or fulfilment location) the amount belongs to. */
    int storeId();

    /** The amount, scale 2. */
    BigDecimal amount();

    /** When it happened. */
    Instant at();

    /** A sale at a store. */
    record SaleRecorded(String saleId, int storeId, BigDecimal amount, int items, Instant at) implements SalesEvent {
        public SaleRecorded {
            Objects.requireNonNull(saleId, "saleId");
            amount = money(amount);
            Objects.requireNonNull(at, "at");
        }
    }

    /** A return of (part of) a sale. */
    record SaleReturned(String saleId, int storeId, BigDecimal amount, Instant at) implements SalesEvent {
        public SaleReturned {
            Objects.requireNonNull(saleId, "saleId");
            amount = money(amount);
            Objects.requireNonNull(at, "at");
        }
    }

    /** An e-commerce order completed by the order saga (amount charged), counted at its fulfilment location. */
    record OrderCompleted(String sagaId, int storeId, BigDecimal amount, Instant at) implements SalesEvent {
        public OrderCompleted {
            Objects.requireNonNull(sagaId, "sagaId");
            amount = money(amount);
            Objects.requireNonNull(at, "at");
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be >= 0, was " + amount);
        }
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
