package dev.comptoir.core.restock;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Units moved from one location to another (reference {@code TransfertStock}).
 *
 * @param id          its id
 * @param source      where they left
 * @param destination where they arrived
 * @param product     the product
 * @param quantity    units, &gt; 0
 * @param at          when
 * @param request     the restock request it fulfils, if any
 */
public record Transfer(TransferId id, LocationId source, LocationId destination, ProductId product, long quantity,
                       Instant at, Optional<RestockRequestId> request) {
    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(at, "at");
        request = request == null ? Optional.empty() : request;
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be > 0");
        }
    }
}
