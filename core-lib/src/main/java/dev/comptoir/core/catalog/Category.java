package dev.comptoir.core.catalog;

import java.util.Objects;

/** A product category. */
public record Category(CategoryId id, String name, String description) {
    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
