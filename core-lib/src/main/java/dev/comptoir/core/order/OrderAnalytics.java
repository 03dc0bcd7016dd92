package dev.comptoir.core.order;

import dev.comptoir.core.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Orders over a period. Revenue counts every order except cancelled ones.
 *
 * @param periodDays        length of the period
 * @param start             period start (inclusive)
 * @param end               period end (exclusive)
 * @param totalOrders       orders placed in the period (all statuses)
 * @param totalRevenue      Σ totals of non-cancelled orders
 * @param averageOrderValue revenue / non-cancelled orders (0 when none)
 * @param statusBreakdown   number of orders per status (every status present)
 */
public record OrderAnalytics(int periodDays, Instant start, Instant end, long totalOrders, Money totalRevenue,
                             Money averageOrderValue, Map<OrderStatus, Long> statusBreakdown) {
    public OrderAnalytics {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(totalRevenue, "totalRevenue");
        Objects.requireNonNull(averageOrderValue, "averageOrderValue");
        statusBreakdown = Map.copyOf(statusBreakdown);
    }
}
