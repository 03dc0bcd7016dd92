package dev.comptoir.core.checkout.spi;

import dev.comptoir.core.checkout.StepReply;
import java.math.BigDecimal;

/**
 * Port: the payment of an order saga ({@code PROCESS_PAYMENT} and its compensation
 * {@code REFUND_PAYMENT}). The saga id is the transaction id. Thread-safe.
 *
 * <pre>{@code
 * switch (payments.charge(sagaId, "42", new BigDecimal("122.07"))) {
 *     case StepReply.Done d -> ...;
 *     case StepReply.Refused r -> ...;   // declined
 * }
 * }</pre>
 */
public interface CheckoutPayments {

    /** Charges (authorises and captures) {@code amount}; idempotent by {@code sagaId}; {@code Refused} when declined. */
    StepReply charge(String sagaId, String customerId, BigDecimal amount);

    /**
     * Gives back everything still held for {@code sagaId}: refunds what was captured, voids an
     * authorisation; a no-op when nothing was charged or it was already given back.
     */
    void refundAll(String sagaId, String reason);
}
