package dev.comptoir.core.refundsaga.spi;

/**
 * Port: where a refunded product's unit goes back (refund-inventory participant). Thread-safe.
 *
 * <pre>{@code
 * long level = stock.add("product_123", +1, "refund_return", correlationId);
 * }</pre>
 */
@FunctionalInterface
public interface ReturnStock {

    /** Changes the product's stock by {@code delta} and returns the new level. */
    long add(String productId, long delta, String reason, String reference);
}
