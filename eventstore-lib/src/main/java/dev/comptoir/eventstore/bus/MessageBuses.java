package dev.comptoir.eventstore.bus;

import dev.comptoir.eventstore.internal.InMemoryMessageBus;
import dev.comptoir.eventstore.internal.RedisMessageBus;
import dev.comptoir.eventstore.spi.CheckpointStore;
import dev.comptoir.eventstore.spi.DeliveryPolicy;
import dev.comptoir.eventstore.spi.MessageBus;
import io.lettuce.core.RedisClient;
import java.time.Clock;

/**
 * Front door of the message bus.
 *
 * <pre>{@code
 * MessageBus bus = MessageBuses.redis(RedisClient.create("redis://127.0.0.1:6379"), "", 100_000);
 * MessageBus sim = MessageBuses.inMemory(clock, DeliveryPolicies.faulty(random, 0.05, 0.02, 0.1), 100_000);
 * bus.publish("events:all", EventMessages.toFields(event));
 * }</pre>
 */
public final class MessageBuses {

    /** Default bound on a stream's length. */
    public static final long DEFAULT_MAX_LENGTH = 100_000;

    private MessageBuses() {
    }

    /** A reliable in-memory bus. */
    public static MessageBus inMemory(Clock clock) {
        return new InMemoryMessageBus(clock, DeliveryPolicies.reliable(), DEFAULT_MAX_LENGTH);
    }

    /** An in-memory bus whose deliveries go through {@code policy} (fault injection). */
    public static MessageBus inMemory(Clock clock, DeliveryPolicy policy, long maxLength) {
        return new InMemoryMessageBus(clock, policy, maxLength);
    }

    /**
     * A Redis Streams bus on a new connection of {@code client}; stream keys are prefixed with
     * {@code keyPrefix} (use "" for the reference's {@code events:*} keys), streams are trimmed to
     * about {@code maxLength} entries (XADD MAXLEN ~).
     */
    public static MessageBus redis(RedisClient client, String keyPrefix, long maxLength) {
        return new RedisMessageBus(client, keyPrefix, maxLength);
    }

    /**
     * The relay checkpoints kept in the same Redis as the bus ({@code bus} must come from
     * {@link #redis}): if Redis loses its data, the checkpoint goes with it and a relay
     * republishes from the beginning.
     */
    public static CheckpointStore checkpointsOf(MessageBus bus) {
        if (bus instanceof RedisMessageBus r) {
            return r;
        }
        throw new IllegalArgumentException("not a Redis bus: " + bus.getClass().getName());
    }
}
