package dev.comptoir.core.customer;

import java.util.List;
import java.util.Objects;

/**
 * One page of customers.
 *
 * @param items   the customers of this page, by id
 * @param page    page number, from 1
 * @param perPage page size
 * @param total   number of matching customers over all pages
 */
public record CustomerPage(List<Customer> items, int page, int perPage, long total) {
    public CustomerPage {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
