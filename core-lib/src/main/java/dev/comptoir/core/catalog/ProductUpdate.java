package dev.comptoir.core.catalog;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.money.Money;
import java.util.Optional;

/**
 * Command: change some fields of a product; empty fields keep their value.
 *
 * @param name           new name
 * @param unitPrice      new price, &gt; 0
 * @param description    new description
 * @param alertThreshold new threshold, &ge; 0
 * @param sku            new SKU (must stay unique)
 * @param categoryId     new category (must exist)
 */
public record ProductUpdate(Optional<String> name, Optional<Money> unitPrice, Optional<String> description,
                            Optional<Integer> alertThreshold, Optional<String> sku, Optional<CategoryId> categoryId) {
    public ProductUpdate {
        name = name == null ? Optional.empty() : name.map(String::trim);
        unitPrice = unitPrice == null ? Optional.empty() : unitPrice;
        description = description == null ? Optional.empty() : description;
        alertThreshold = alertThreshold == null ? Optional.empty() : alertThreshold;
        sku = sku == null ? Optional.empty() : sku.map(String::trim);
        categoryId = categoryId == null ? Optional.empty() : categoryId;
        if (name.isPresent() && name.get().isEmpty()) {
            throw ComptoirException.invalid("nom", "must not be blank");
        }
        if (unitPrice.isPresent() && !unitPrice.get().isPositive()) {
            throw ComptoirException.invalid("prix", "must be > 0, was " + unitPrice.get());
        }
        if (alertThreshold.isPresent() && alertThreshold.get() < 0) {
            throw ComptoirException.invalid("seuil_alerte", "must be >= 0, was " + alertThreshold.get());
        }
        if (sku.isPresent() && sku.get().isEmpty()) {
            throw ComptoirException.invalid("sku", "must not be blank");
        }
    }

    /** Changes nothing. */
    public static ProductUpdate none() {
        return new ProductUpdate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Only a new price. */
    public static ProductUpdate price(Money price) {
        return none().withPrice(price);
    }

    public ProductUpdate withPrice(Money price) {
        return new ProductUpdate(name, Optional.of(price), description, alertThreshold, sku, categoryId);
    }

    public ProductUpdate withName(String n) {
        return new ProductUpdate(Optional.of(n), unitPrice, description, alertThreshold, sku, categoryId);
    }

    public ProductUpdate withSku(String s) {
        return new ProductUpdate(name, unitPrice, description, alertThreshold, Optional.of(s), categoryId);
    }

    public ProductUpdate withAlertThreshold(int t) {
        return new ProductUpdate(name, unitPrice, description, Optional.of(t), sku, categoryId);
    }

    public ProductUpdate withDescription(String d) {
        return new ProductUpdate(name, unitPrice, Optional.of(d), alertThreshold, sku, categoryId);
    }

    /** {@code p} with these changes applied. */
    public Product applyTo(Product p) {
        return new Product(p.id(), sku.orElse(p.sku()), name.orElse(p.name()), categoryId.orElse(p.categoryId()),
                unitPrice.orElse(p.unitPrice()), description.orElse(p.description()),
                alertThreshold.orElse(p.alertThreshold()), p.active());
    }
}
