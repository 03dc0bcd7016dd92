package dev.comptoir.core.checkout;

/**
 * The reference's order-saga status names (seed-behaviour §5.1), plus
 * {@link #COMPENSATION_FAILED} for a compensation that could not complete (decisions §5).
 *
 * <p>Transitions: {@code PENDING → CART_VALIDATED → STOCK_RESERVED → PAYMENT_PROCESSED →
 * ORDER_CONFIRMED → COMPLETED}; a payment decline goes {@code PAYMENT_FAILED →
 * COMPENSATING_STOCK → COMPENSATED → FAILED}; an order-confirmation failure goes
 * {@code COMPENSATING_PAYMENT → COMPENSATING_STOCK → COMPENSATED → FAILED}; cart or
 * reservation refusals go straight to {@code FAILED}.
 */
public enum OrderSagaStatus {
    PENDING,
    CART_VALIDATED,
    STOCK_RESERVED,
    PAYMENT_PROCESSED,
    ORDER_CONFIRMED,
    CART_VALIDATION_FAILED,
    STOCK_RESERVATION_FAILED,
    PAYMENT_FAILED,
    COMPENSATING_STOCK,
    COMPENSATING_PAYMENT,
    COMPENSATED,
    COMPLETED,
    FAILED,
    /** A compensation kept failing after its retries; the saga waits for an operator. */
    COMPENSATION_FAILED;

    /** True for {@code COMPLETED} and {@code FAILED} (and {@code COMPENSATION_FAILED}, which only an operator changes). */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == COMPENSATION_FAILED;
    }
}
