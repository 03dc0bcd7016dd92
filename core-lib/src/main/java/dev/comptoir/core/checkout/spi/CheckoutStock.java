package dev.comptoir.core.checkout.spi;

import dev.comptoir.core.checkout.OrderSagaLine;
import dev.comptoir.core.checkout.StepReply;
import java.util.List;

/**
 * Port: stock reservations for the order saga ({@code RESERVE_STOCK}, its compensation
 * {@code RELEASE_STOCK}, and the confirmation inside {@code CONFIRM_ORDER}). The saga id is the
 * reservation id. Every method is idempotent on it. Thread-safe.
 *
 * <pre>{@code
 * StepReply r = stock.reserve(sagaId, "42", 1, lines);   // Done, or Refused("insufficient stock ...")
 * }</pre>
 */
public interface CheckoutStock {

    /** Reserves every line at {@code locationId}, all or none; {@code Refused} on insufficient stock. */
    StepReply reserve(String sagaId, String owner, int locationId, List<OrderSagaLine> lines);

    /** Releases the reservation; a no-op when it is unknown or already released/expired. */
    void release(String sagaId);

    /** Confirms the reservation (units leave the stock); {@code Refused} when it expired or was released. */
    StepReply confirm(String sagaId);
}
