package dev.comptoir.core.payment;

import java.util.List;
import java.util.Optional;

/**
 * Port: where payments and their refunds are stored. Thread-safe. {@link #insertIfAbsent} is
 * the idempotency gate (exactly one insert per transaction id, even under concurrency);
 * {@link #replace} and {@link #replaceWithRefund} are compare-and-set on the stored state.
 */
public interface PaymentRepository {

    /** The payment with this id. */
    Optional<Payment> find(TransactionId id);

    /** Stores {@code payment} unless its transaction id is taken; says which payment is stored. */
    InsertResult insertIfAbsent(Payment payment);

    /**
     * Replaces the stored payment by {@code updated} if it still has {@code expected}'s status,
     * captured and refunded amounts and update time; false otherwise.
     */
    boolean replace(Payment expected, Payment updated);

    /** Like {@link #replace}, and stores {@code refund} in the same atomic step. */
    boolean replaceWithRefund(Payment expected, Payment updated, PaymentRefund refund);

    /** Refunds of a payment, oldest first. */
    List<PaymentRefund> refundsOf(TransactionId id);

    /** Aggregates over every payment and refund. */
    PaymentMetrics metrics();
}
