package dev.comptoir.eventstore.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Upgrades the stored JSON payload of one event type from one schema revision to the next.
 *
 * <p>The revision an event was written with is kept in its {@code revision} header (absent = 1).
 * {@code EventSerializer} chains upcasters until the payload reaches the registered type's
 * current revision. Implementations are pure functions and must be thread-safe.
 *
 * <pre>{@code
 * Upcaster addCurrency = Upcaster.of("PaymentTaken", 1, json -> json.put("currency", "CAD"));
 * }</pre>
 */
public interface Upcaster {

    /** The event type this upcaster applies to. */
    String eventType();

    /** The revision it reads; it produces {@code fromRevision() + 1}. */
    int fromRevision();

    /** Returns the payload at the next revision (may mutate and return {@code payload}). */
    ObjectNode upcast(ObjectNode payload);

    /** An upcaster from a function. */
    static Upcaster of(String eventType, int fromRevision, java.util.function.UnaryOperator<ObjectNode> f) {
        return new Upcaster() {
            @Override
            public String eventType() {
                return eventType;
            }

            @Override
            public int fromRevision() {
                return fromRevision;
            }

            @Override
            public ObjectNode upcast(ObjectNode payload) {
                return f.apply(payload);
            }
        };
    }
}
