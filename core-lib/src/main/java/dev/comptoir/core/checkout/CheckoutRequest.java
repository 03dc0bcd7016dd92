package dev.comptoir.core.checkout;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.location.Locations;
import java.util.Map;

/**
 * Command: check out the cart of a session through the order saga.
 *
 * <pre>{@code
 * SagaId id = checkout.start(CheckoutRequest.of("session-1", 42), "checkout-session-1");
 * }</pre>
 *
 * @param sessionId       the cart's session id, required
 * @param customerId      the customer, &gt; 0
 * @param locationId      where stock is reserved (default {@code Locations.DEFAULT_FULFILMENT})
 * @param shippingAddress shipping address fields (may be empty)
 * @throws ComptoirException INVALID_INPUT naming the offending field
 */
public record CheckoutRequest(String sessionId, long customerId, int locationId, Map<String, String> shippingAddress) {
    public CheckoutRequest {
        if (sessionId == null || sessionId.isBlank()) {
            throw ComptoirException.invalid("session_id", "is required");
        }
        if (customerId <= 0) {
            throw ComptoirException.invalid("customer_id", "must be > 0, was " + customerId);
        }
        if (locationId <= 0) {
            throw ComptoirException.invalid("location_id", "must be > 0, was " + locationId);
        }
        shippingAddress = shippingAddress == null ? Map.of() : Map.copyOf(shippingAddress);
    }

    /** A request reserving at the default fulfilment location, without an address. */
    public static CheckoutRequest of(String sessionId, long customerId) {
        return new CheckoutRequest(sessionId, customerId, Locations.DEFAULT_FULFILMENT.value(), Map.of());
    }

    /** The same request reserving at {@code location}. */
    public CheckoutRequest at(int location) {
        return new CheckoutRequest(sessionId, customerId, location, shippingAddress);
    }
}
