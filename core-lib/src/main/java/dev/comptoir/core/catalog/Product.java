package dev.comptoir.core.catalog;

import dev.comptoir.core.money.Money;
import java.util.Objects;

/**
 * A catalogue product.
 *
 * @param id             its id
 * @param sku            unique stock-keeping unit
 * @param name           display name
 * @param categoryId     its category
 * @param unitPrice      price before tax, &gt; 0
 * @param description    free text (never null)
 * @param alertThreshold default low-stock threshold ({@code seuil_alerte}), &ge; 0
 * @param active         false once deleted (soft delete)
 */
public record Product(ProductId id, String sku, String name, CategoryId categoryId, Money unitPrice,
                      String description, int alertThreshold, boolean active) {
    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        description = description == null ? "" : description;
        if (!unitPrice.isPositive()) {
            throw dev.comptoir.core.ComptoirException.invalid("prix", "must be > 0, was " + unitPrice);
        }
        if (alertThreshold < 0) {
            throw dev.comptoir.core.ComptoirException.invalid("seuil_alerte", "must be >= 0, was " + alertThreshold);
        }
    }

    /** A copy with another unit price. */
    public Product withUnitPrice(Money price) {
        return new Product(id, sku, name, categoryId, price, description, alertThreshold, active);
    }
}
