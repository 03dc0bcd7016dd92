package dev.comptoir.core.sales;

/** Where a sale stands with respect to returns. */
public enum SaleStatus {
    /** Nothing returned. */
    COMPLETED,
    /** Some units returned. */
    PARTIALLY_RETURNED,
    /** Every unit returned. */
    RETURNED
}
