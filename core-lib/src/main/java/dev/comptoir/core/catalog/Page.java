package dev.comptoir.core.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One page of a longer, ordered result.
 *
 * @param items   the items of this page
 * @param page    1-based page number
 * @param perPage page size asked for
 * @param total   number of items over all pages
 * @param <T>     item type
 */
public record Page<T>(List<T> items, int page, int perPage, long total) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (page < 1 || perPage < 1 || total < 0) {
            throw new IllegalArgumentException("page and perPage must be >= 1 and total >= 0");
        }
    }

    /** Number of pages (0 when there is nothing). */
    public int pages() {
        return (int) ((total + perPage - 1) / perPage);
    }

    public boolean hasNext() {
        return page < pages();
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
