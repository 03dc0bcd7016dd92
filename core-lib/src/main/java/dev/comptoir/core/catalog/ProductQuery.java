package dev.comptoir.core.catalog;

import dev.comptoir.core.ComptoirException;
import java.util.Optional;

/**
 * A catalogue search: every given criterion must match. Results are ordered by id.
 *
 * @param text            case-insensitive substring of name, description or SKU; empty = any
 * @param category        only this category; empty = any
 * @param includeInactive also return soft-deleted products
 * @param page            1-based page
 * @param perPage         page size, 1–100
 */
public record ProductQuery(Optional<String> text, Optional<CategoryId> category, boolean includeInactive,
                           int page, int perPage) {
    /** Largest page size (reference: {@code per_page} max 100). */
    public static final int MAX_PER_PAGE = 100;

    public ProductQuery {
        text = text == null ? Optional.empty() : text.map(String::trim).filter(t -> !t.isEmpty());
        category = category == null ? Optional.empty() : category;
        if (page < 1) {
            throw ComptoirException.invalid("page", "must be >= 1, was " + page);
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw ComptoirException.invalid("per_page", "must be 1-" + MAX_PER_PAGE + ", was " + perPage);
        }
    }

    /** First page of 20 active products, no filter. */
    public static ProductQuery all() {
        return new ProductQuery(Optional.empty(), Optional.empty(), false, 1, 20);
    }

    public ProductQuery withText(String t) {
        return new ProductQuery(Optional.ofNullable(t), category, includeInactive, page, perPage);
    }

    public ProductQuery inCategory(CategoryId c) {
        return new ProductQuery(text, Optional.ofNullable(c), includeInactive, page, perPage);
    }

    public ProductQuery page(int p, int size) {
        return new ProductQuery(text, category, includeInactive, p, size);
    }

    public ProductQuery withInactive() {
        return new ProductQuery(text, category, true, page, perPage);
    }

    /** True when {@code p} matches every criterion (adapters may use it; SQL adapters do the same in SQL). */
    public boolean matches(Product p) {
        if (!includeInactive && !p.active()) {
            return false;
        }
        if (category.isPresent() && !category.get().equals(p.categoryId())) {
            return false;
        }
        if (text.isPresent()) {
            String needle = text.get().toLowerCase(java.util.Locale.ROOT);
            return p.name().toLowerCase(java.util.Locale.ROOT).contains(needle)
                    || p.description().toLowerCase(java.util.Locale.ROOT).contains(needle)
                    || p.sku().toLowerCase(java.util.Locale.ROOT).contains(needle);
        }
        return true;
    }
}
