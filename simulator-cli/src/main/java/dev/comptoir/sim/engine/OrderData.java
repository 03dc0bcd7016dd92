package dev.comptoir.sim.engine;

import dev.comptoir.core.inventory.ReservationLine;
import java.util.List;
import java.util.Objects;

/**
 * Saga data of one simulated e-commerce order. Faults that must not change between retries of
 * the same step (an injected shortage, a late payment reply) are drawn once, when the order is
 * created, and travel with it.
 *
 * @param index          1-based order number in the run
 * @param customerId     the payer, e.g. {@code customer_17}
 * @param lines          what to reserve, at the fulfilment store
 * @param amountCents    total charged (subtotal + Québec taxes + shipping), in cents
 * @param injectShortage the stock participant answers "insufficient stock"
 * @param replyLatencyMs the payment reply comes this late (asynchronously), or -1 for a synchronous reply
 * @param claim          a product claim will be filed once the order completes
 */
record OrderData(long index, String customerId, List<ReservationLine> lines, long amountCents,
                 boolean injectShortage, int replyLatencyMs, boolean claim) {
    OrderData {
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || amountCents <= 0 || index < 1) {
            throw new IllegalArgumentException("an order needs lines, a positive amount and an index");
        }
    }
}
