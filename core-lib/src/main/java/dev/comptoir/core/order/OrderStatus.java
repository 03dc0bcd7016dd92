package dev.comptoir.core.order;

import dev.comptoir.core.ComptoirException;
import java.util.Locale;

/**
 * The seed's order states and their transitions. An order only moves forward
 * ({@code pending → confirmed → shipped → delivered}, steps may be skipped); it can be
 * cancelled only while pending or confirmed; {@code delivered} and {@code cancelled} are final.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED;

    /** The wire name, e.g. {@code pending}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for {@code delivered} and {@code cancelled}. */
    public boolean isFinal() {
        return switch (this) {
            case DELIVERED, CANCELLED -> true;
            case PENDING, CONFIRMED, SHIPPED -> false;
        };
    }

    /** True when an order in this state may move to {@code target} (staying put is not a move). */
    public boolean canMoveTo(OrderStatus target) {
        return switch (this) {
            case PENDING -> target != PENDING;
            case CONFIRMED -> target == SHIPPED || target == DELIVERED || target == CANCELLED;
            case SHIPPED -> target == DELIVERED;
            case DELIVERED, CANCELLED -> false;
        };
    }

    /**
     * Parses a wire name (case-insensitive).
     *
     * @throws ComptoirException INVALID_INPUT naming {@code status}
     */
    public static OrderStatus parse(String text) {
        if (text == null || text.isBlank()) {
            throw ComptoirException.invalid("status", "is required");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ComptoirException.invalid("status",
                    "must be one of pending, confirmed, shipped, delivered, cancelled; was '" + text + "'");
        }
    }
}
