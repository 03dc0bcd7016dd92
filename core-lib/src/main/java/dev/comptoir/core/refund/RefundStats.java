package dev.comptoir.core.refund;

/**
 * Number of claim refunds per status ({@code GET /refunds/stats}).
 *
 * @param totalProcessing  processing
 * @param totalCompleted   completed
 * @param totalFailed      failed
 * @param totalCompensated compensated
 */
public record RefundStats(long totalProcessing, long totalCompleted, long totalFailed, long totalCompensated) {
}
