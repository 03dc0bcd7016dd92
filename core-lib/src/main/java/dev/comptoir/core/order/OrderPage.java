package dev.comptoir.core.order;

import java.util.List;
import java.util.Objects;

/**
 * One page of orders, newest first.
 *
 * @param orders  this page
 * @param query   the request
 * @param total   matching orders over all pages
 */
public record OrderPage(List<Order> orders, OrderQuery query, long total) {
    public OrderPage {
        orders = List.copyOf(Objects.requireNonNull(orders, "orders"));
        Objects.requireNonNull(query, "query");
    }

    /** Number of pages. */
    public long pages() {
        return (total + query.perPage() - 1) / query.perPage();
    }
}
