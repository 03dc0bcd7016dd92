package dev.comptoir.core.catalog;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * Command: add a product to the catalogue.
 *
 * @param sku            wanted SKU; empty to have one generated
 * @param name           display name, non-blank
 * @param categoryId     an existing category
 * @param unitPrice      price before tax, &gt; 0
 * @param description    free text
 * @param alertThreshold low-stock threshold, &ge; 0 (reference default 5)
 */
public record NewProduct(Optional<String> sku, String name, CategoryId categoryId, Money unitPrice,
                         String description, int alertThreshold) {
    /** Reference default of {@code seuil_alerte}. */
    public static final int DEFAULT_ALERT_THRESHOLD = 5;

    public NewProduct {
        sku = sku == null ? Optional.empty() : sku.map(String::trim).filter(s -> !s.isEmpty());
        if (name == null || name.isBlank()) {
            throw ComptoirException.invalid("nom", "is required");
        }
        name = name.trim();
        if (categoryId == null) {
            throw ComptoirException.invalid("id_categorie", "is required");
        }
        if (unitPrice == null || !unitPrice.isPositive()) {
            throw ComptoirException.invalid("prix", "must be > 0, was " + unitPrice);
        }
        description = Objects.requireNonNullElse(description, "");
        if (alertThreshold < 0) {
            throw ComptoirException.invalid("seuil_alerte", "must be >= 0, was " + alertThreshold);
        }
    }

    /** A product with a generated SKU and the default threshold. */
    public static NewProduct of(String name, CategoryId category, Money price, String description) {
        return new NewProduct(Optional.empty(), name, category, price, description, DEFAULT_ALERT_THRESHOLD);
    }

    /** The product this command creates once an id and a SKU are known. */
    public Product toProduct(ProductId id, String finalSku) {
        return new Product(id, finalSku, name, categoryId, unitPrice, description, alertThreshold, true);
    }
}
