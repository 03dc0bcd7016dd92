package dev.comptoir.core.inventory;

/**
 * Sums over journal rows.
 *
 * @param rows          how many rows
 * @param onHandDelta   Σ on-hand deltas
 * @param reservedDelta Σ reserved deltas
 */
public record JournalTotals(long rows, long onHandDelta, long reservedDelta) {
    /** No rows. */
    public static final JournalTotals EMPTY = new JournalTotals(0, 0, 0);

    public JournalTotals {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, was " + rows);
        }
    }

    /** Both sums added. */
    public JournalTotals plus(JournalTotals o) {
        return new JournalTotals(rows + o.rows, onHandDelta + o.onHandDelta, reservedDelta + o.reservedDelta);
    }
}
