package dev.comptoir.core.sales;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.location.LocationId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Command: ring up a sale at a store.
 *
 * @param store         a store (ids 1–5)
 * @param cashierId     who sold
 * @param registerId    on which register
 * @param customerId    optional customer reference
 * @param items         one line per product (no product twice)
 * @param paymentMethod how it was paid
 */
public record RecordSale(LocationId store, String cashierId, String registerId, Optional<String> customerId,
                         List<SaleItem> items, PaymentMethod paymentMethod) {
    public RecordSale {
        if (store == null) {
            throw ComptoirException.invalid("store_id", "is required");
        }
        cashierId = required(cashierId, "cashier_id");
        registerId = required(registerId, "register_id");
        customerId = customerId == null ? Optional.empty() : customerId.map(String::trim).filter(s -> !s.isEmpty());
        if (items == null || items.isEmpty()) {
            throw ComptoirException.invalid("items", "at least one line is required");
        }
        items = List.copyOf(items);
        Set<Object> seen = new HashSet<>();
        for (SaleItem i : items) {
            if (!seen.add(i.product())) {
                throw ComptoirException.invalid("items", "product " + i.product() + " appears on two lines");
            }
        }
        if (paymentMethod == null) {
            throw ComptoirException.invalid("payment_method", "is required");
        }
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ComptoirException.invalid(field, "is required");
        }
        return value.trim();
    }
}
