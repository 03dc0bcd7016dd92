package dev.comptoir.core.checkout;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order saga's data: the request, then what each step learned. Plain values only, so the
 * PostgreSQL saga store can keep it as JSON and the in-memory store keeps it as is.
 *
 * @param sessionId       the cart's session id
 * @param customerId      the customer, &gt; 0
 * @param locationId      where stock is reserved
 * @param shippingAddress shipping address fields (may be empty)
 * @param lines           cart lines once {@code VALIDATE_CART} succeeded, else empty
 * @param amount          amount charged (subtotal + tax + shipping) once validated, else {@code null}
 * @param orderId         the placed order once {@code CONFIRM_ORDER} succeeded, else {@code null}
 */
public record OrderSagaData(String sessionId, long customerId, int locationId, Map<String, String> shippingAddress,
                            List<OrderSagaLine> lines, BigDecimal amount, Long orderId) {
    public OrderSagaData {
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId is required");
        }
        if (customerId <= 0) {
            throw new IllegalArgumentException("customerId must be > 0, was " + customerId);
        }
        if (locationId <= 0) {
            throw new IllegalArgumentException("locationId must be > 0, was " + locationId);
        }
        shippingAddress = shippingAddress == null ? Map.of() : Map.copyOf(shippingAddress);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The data of a new saga for {@code request}. */
    public static OrderSagaData of(CheckoutRequest request) {
        Objects.requireNonNull(request, "request");
        return new OrderSagaData(request.sessionId(), request.customerId(), request.locationId(),
                request.shippingAddress(), List.of(), null, null);
    }

    /** After {@code VALIDATE_CART}. */
    public OrderSagaData withCart(List<OrderSagaLine> cartLines, BigDecimal total) {
        return new OrderSagaData(sessionId, customerId, locationId, shippingAddress, cartLines, total, orderId);
    }

    /** After {@code CONFIRM_ORDER}. */
    public OrderSagaData withOrder(long id) {
        return new OrderSagaData(sessionId, customerId, locationId, shippingAddress, lines, amount, id);
    }
}
