package dev.comptoir.core.sales;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A completed return of some units of a sale.
 *
 * @param id        its id
 * @param saleId    the original sale
 * @param at        when
 * @param cashierId who took it back
 * @param reason    why
 * @param lines     what came back
 * @param refund    amounts refunded (tax included: {@code refund.finalAmount()})
 */
public record SaleReturn(ReturnId id, SaleId saleId, Instant at, String cashierId, String reason,
                         List<ReturnedLine> lines, SaleAmounts refund) {
    public SaleReturn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(saleId, "saleId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cashierId, "cashierId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refund, "refund");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a return has at least one line");
        }
    }
}
