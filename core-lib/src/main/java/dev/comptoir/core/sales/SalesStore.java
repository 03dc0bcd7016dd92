package dev.comptoir.core.sales;

import java.util.List;
import java.util.Optional;

/**
 * Port: where sales and their returns live. Thread-safe. Implementations:
 * {@code InMemorySalesStore}, {@code PgSalesStore}.
 */
public interface SalesStore {

    /** Stores a new sale (its id is new). */
    void insert(Sale sale);

    Optional<Sale> find(SaleId id);

    /** Sales matching {@code query}, newest first (ties by id), at most {@code query.limit()}. */
    List<Sale> find(SaleQuery query);

    /**
     * Records a return atomically: for every returned line, the sale line's returned units grow
     * by the returned quantity provided they stay ≤ the sold quantity (else INVALID_INPUT naming
     * {@code quantity}, and nothing is written); the sale's status follows. Returns the updated sale.
     */
    Sale recordReturn(SaleReturn saleReturn);
}
