package dev.comptoir.core.refund;

import java.util.Locale;

/**
 * State of a claim refund: {@code processing} until it {@code completed}, {@code failed} (not
 * eligible, or the payment step failed) or was {@code compensated} (undone after a later step failed).
 */
public enum RefundStatus {
    PROCESSING, COMPLETED, FAILED, COMPENSATED;

    /** Wire name, e.g. {@code processing}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a refund in this state may move to {@code target}. */
    public boolean canMoveTo(RefundStatus target) {
        return switch (this) {
            case PROCESSING -> target != PROCESSING;
            case COMPLETED -> target == COMPENSATED;
            case FAILED, COMPENSATED -> false;
        };
    }
}
