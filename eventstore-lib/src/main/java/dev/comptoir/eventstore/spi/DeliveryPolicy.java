package dev.comptoir.eventstore.spi;

import dev.comptoir.eventstore.bus.BusMessage;
import java.util.List;

/**
 * Fault injection for the in-memory bus: rearranges each batch a consumer reads. Returning a
 * message twice duplicates it; leaving one out makes it look delivered to a consumer that died
 * (it stays pending and is redelivered after the claim idle time, i.e. delayed); changing the
 * order reorders deliveries.
 *
 * <p>Called under the bus's lock, one batch at a time, so a policy using a seeded
 * {@code RandomGenerator} is reproducible. Need not be thread-safe.
 */
@FunctionalInterface
public interface DeliveryPolicy {

    /** The messages to hand to the consumer, in order, for this batch. */
    List<BusMessage> arrange(String group, String consumer, List<BusMessage> batch);
}
