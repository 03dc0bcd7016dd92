package dev.comptoir.core.salesview;

import dev.comptoir.eventstore.EventSerializer;
import java.util.List;

/**
 * The sales event types and their serializer registry.
 *
 * <pre>{@code
 * EventSerializer s = SalesEventTypes.register(ClaimEventTypes.register(EventSerializer.builder())).build();
 * }</pre>
 */
public final class SalesEventTypes {
    /** Type names. */
    public static final List<String> TYPES = List.of("SaleRecorded", "SaleReturned", "OrderCompleted");

    private SalesEventTypes() {
    }

    /** A serializer with the sales types. */
    public static EventSerializer serializer() {
        return register(EventSerializer.builder()).build();
    }

    /** Registers the sales types on {@code builder}. */
    public static EventSerializer.Builder register(EventSerializer.Builder builder) {
        return builder.register("SaleRecorded", SalesEvent.SaleRecorded.class)
                .register("SaleReturned", SalesEvent.SaleReturned.class)
                .register("OrderCompleted", SalesEvent.OrderCompleted.class);
    }
}
