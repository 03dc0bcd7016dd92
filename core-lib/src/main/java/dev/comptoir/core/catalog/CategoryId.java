package dev.comptoir.core.catalog;

/** Identifier of a product category; positive. */
public record CategoryId(int value) {
    public CategoryId {
        if (value <= 0) {
            throw dev.comptoir.core.ComptoirException.invalid("id_categorie", "must be > 0, was " + value);
        }
    }

    public static CategoryId of(int value) {
        return new CategoryId(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
