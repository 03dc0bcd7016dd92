package dev.comptoir.eventstore.bus;

import java.util.Map;
import java.util.Objects;

/**
 * A message read from a bus stream by a consumer group.
 *
 * @param stream        the stream it was published to (without the bus's key prefix)
 * @param id            the bus-assigned id (Redis entry id, e.g. {@code 1732550000000-0})
 * @param fields        the string fields
 * @param deliveryCount how many times it has been delivered to the group, this one included
 */
public record BusMessage(String stream, String id, Map<String, String> fields, long deliveryCount) {
    public BusMessage {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(id, "id");
        fields = Map.copyOf(fields);
        if (deliveryCount < 1) {
            throw new IllegalArgumentException("deliveryCount must be >= 1, was " + deliveryCount);
        }
    }

    /** A field's value or null. */
    public String field(String name) {
        return fields.get(name);
    }
}
