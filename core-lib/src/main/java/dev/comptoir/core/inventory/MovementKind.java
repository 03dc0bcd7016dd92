package dev.comptoir.core.inventory;

/**
 * What a journal row records. The first six change on-hand only; the last four move units in or
 * out of the reserved quantity (a confirmation also takes them off on-hand).
 */
public enum MovementKind {
    /** Goods received (+ on-hand). */
    RECEIPT,
    /** Manual correction (± on-hand) with a reason. */
    ADJUSTMENT,
    /** Sold at a store (− on-hand). */
    SALE,
    /** Returned by a customer (+ on-hand). */
    RETURN,
    /** Sent to another location (− on-hand). */
    TRANSFER_OUT,
    /** Received from another location (+ on-hand). */
    TRANSFER_IN,
    /** Reserved (+ reserved). */
    RESERVATION,
    /** Reservation released (− reserved). */
    RELEASE,
    /** Reservation confirmed: the goods leave (− on-hand, − reserved). */
    CONFIRMATION,
    /** Reservation expired (− reserved). */
    EXPIRY;

    private static final MovementKind[] VALUES = values();

    /** The kind with this ordinal (used by compact storage). */
    public static MovementKind ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** True for the kinds an {@link StockDelta} may carry (they change on-hand only). */
    public boolean changesOnHandOnly() {
        return ordinal() <= TRANSFER_IN.ordinal();
    }

    /** The sign a delta of this kind must have: +1, −1, or 0 when either is allowed. */
    int requiredSign() {
        return switch (this) {
            case RECEIPT, RETURN, TRANSFER_IN, RESERVATION -> 1;
            case SALE, TRANSFER_OUT, RELEASE, CONFIRMATION, EXPIRY -> -1;
            case ADJUSTMENT -> 0;
        };
    }
}
