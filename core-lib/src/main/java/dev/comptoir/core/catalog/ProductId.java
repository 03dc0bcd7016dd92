package dev.comptoir.core.catalog;

/** Identifier of a product; positive. */
public record ProductId(long value) implements Comparable<ProductId> {
    public ProductId {
        if (value <= 0) {
            throw dev.comptoir.core.ComptoirException.invalid("product_id", "must be > 0, was " + value);
        }
    }

    public static ProductId of(long value) {
        return new ProductId(value);
    }

    @Override
    public int compareTo(ProductId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
