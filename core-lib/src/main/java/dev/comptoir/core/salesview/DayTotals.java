package dev.comptoir.core.salesview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One store's totals for one day (a row of the sales read model).
 *
 * @param storeId       store or fulfilment location
 * @param day           local day
 * @param sales         POS sales counted
 * @param salesAmount   their amount
 * @param returns       returns counted
 * @param returnsAmount their amount
 * @param orders        completed e-commerce orders
 * @param ordersAmount  their amount
 */
public record DayTotals(int storeId, LocalDate day, long sales, BigDecimal salesAmount, long returns,
                        BigDecimal returnsAmount, long orders, BigDecimal ordersAmount) {
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public DayTotals {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(salesAmount, "salesAmount");
        Objects.requireNonNull(returnsAmount, "returnsAmount");
        Objects.requireNonNull(ordersAmount, "ordersAmount");
    }

    /** Empty totals. */
    public static DayTotals empty(int storeId, LocalDate day) {
        return new DayTotals(storeId, day, 0, ZERO, 0, ZERO, 0, ZERO);
    }

    /** {@code sales + orders − returns}. */
    public BigDecimal net() {
        return salesAmount.add(ordersAmount).subtract(returnsAmount);
    }

    DayTotals plus(SalesEvent e) {
        return switch (e) {
            case SalesEvent.SaleRecorded s -> new DayTotals(storeId, day, sales + 1, salesAmount.add(s.amount()), returns,
                    returnsAmount, orders, ordersAmount);
            case SalesEvent.SaleReturned r -> new DayTotals(storeId, day, sales, salesAmount, returns + 1,
                    returnsAmount.add(r.amount()), orders, ordersAmount);
            case SalesEvent.OrderCompleted o -> new DayTotals(storeId, day, sales, salesAmount, returns, returnsAmount,
                    orders + 1, ordersAmount.add(o.amount()));
        };
    }
}
