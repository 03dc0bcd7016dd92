package dev.comptoir.core.payment;

import java.util.Locale;

/**
 * State of a payment. {@code PENDING} while the gateway is being asked; {@code AUTHORIZED}
 * after an authorisation; {@code COMPLETED} once captured (the reference's {@code completed});
 * {@code FAILED} when declined; {@code VOIDED} for a released authorisation;
 * {@code PARTIALLY_REFUNDED} / {@code REFUNDED} after refunds.
 */
public enum PaymentStatus {
    PENDING, AUTHORIZED, COMPLETED, FAILED, VOIDED, PARTIALLY_REFUNDED, REFUNDED;

    /** Wire name, e.g. {@code completed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when money was captured (it may since have been partly or fully refunded). */
    public boolean isCaptured() {
        return switch (this) {
            case COMPLETED, PARTIALLY_REFUNDED, REFUNDED -> true;
            case PENDING, AUTHORIZED, FAILED, VOIDED -> false;
        };
    }

    /** True when some money can still be refunded from a payment in this state (if amounts allow). */
    public boolean isRefundable() {
        return switch (this) {
            case COMPLETED, PARTIALLY_REFUNDED -> true;
            case PENDING, AUTHORIZED, FAILED, VOIDED, REFUNDED -> false;
        };
    }
}
