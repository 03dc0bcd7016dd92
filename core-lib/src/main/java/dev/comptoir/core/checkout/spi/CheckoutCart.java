package dev.comptoir.core.checkout.spi;

import dev.comptoir.core.checkout.OrderSagaLine;
import java.util.List;
import java.util.Optional;

/**
 * Port: the cart a checkout buys ({@code VALIDATE_CART}). Thread-safe.
 *
 * <pre>{@code
 * CheckoutCart cart = session -> Optional.of(List.of(new OrderSagaLine(1, "Café", "CAF-1", new BigDecimal("29.99"), 2)));
 * }</pre>
 */
@FunctionalInterface
public interface CheckoutCart {

    /** The lines of the cart of {@code sessionId}; empty when there is no such cart. */
    Optional<List<OrderSagaLine>> lines(String sessionId);
}
