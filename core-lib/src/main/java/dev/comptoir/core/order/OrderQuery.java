package dev.comptoir.core.order;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.customer.CustomerId;

/**
 * A listing request: optional filters and a page (from 1, at most {@value #MAX_PER_PAGE} per page).
 *
 * @param customerId only this customer's orders, or null
 * @param status     only orders in this status, or null
 * @param page       page number, &ge; 1
 * @param perPage    1..{@value #MAX_PER_PAGE}
 */
public record OrderQuery(CustomerId customerId, OrderStatus status, int page, int perPage) {
    /** Largest page. */
    public static final int MAX_PER_PAGE = 100;

    public OrderQuery {
        if (page < 1) {
            throw ComptoirException.invalid("page", "must be >= 1, was " + page);
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw ComptoirException.invalid("per_page", "must be in 1.." + MAX_PER_PAGE + ", was " + perPage);
        }
    }

    /** All orders, first page of 20. */
    public static OrderQuery all() {
        return new OrderQuery(null, null, 1, 20);
    }

    /** True when {@code o} passes the filters. */
    public boolean matches(Order o) {
        return (customerId == null || customerId.equals(o.customerId())) && (status == null || status == o.status());
    }
}
