package dev.comptoir.core.sales;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sale at a store, with the returns made against it so far.
 *
 * @param id            its id
 * @param store         the store
 * @param cashierId     who sold
 * @param registerId    which register
 * @param customerId    optional customer reference
 * @param at            when
 * @param lines         priced lines
 * @param paymentMethod how it was paid
 * @param amounts       gross, discount, taxes and final amount
 * @param status        COMPLETED, PARTIALLY_RETURNED or RETURNED (follows the lines' returned units)
 * @param returns       returns, oldest first
 */
public record Sale(SaleId id, LocationId store, String cashierId, String registerId, Optional<String> customerId,
                   Instant at, List<SaleLine> lines, PaymentMethod paymentMethod, SaleAmounts amounts,
                   SaleStatus status, List<SaleReturn> returns) {
    public Sale {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(cashierId, "cashierId");
        Objects.requireNonNull(registerId, "registerId");
        customerId = customerId == null ? Optional.empty() : customerId;
        Objects.requireNonNull(at, "at");
        lines = List.copyOf(lines);
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(amounts, "amounts");
        Objects.requireNonNull(status, "status");
        returns = List.copyOf(returns);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a sale has at least one line");
        }
        if (status != statusOf(lines)) {
            throw new IllegalArgumentException("status " + status + " does not match the returned units");
        }
    }

    /** The status the returned units imply. */
    public static SaleStatus statusOf(List<SaleLine> lines) {
        int sold = 0;
        int returned = 0;
        for (SaleLine l : lines) {
            sold += l.quantity();
            returned += l.returnedQuantity();
        }
        return returned == 0 ? SaleStatus.COMPLETED : returned == sold ? SaleStatus.RETURNED : SaleStatus.PARTIALLY_RETURNED;
    }

    /** The line of a product. */
    public Optional<SaleLine> line(ProductId product) {
        return lines.stream().filter(l -> l.product().equals(product)).findFirst();
    }

    /** Units sold over all lines. */
    public int itemsSold() {
        return lines.stream().mapToInt(SaleLine::quantity).sum();
    }
}
