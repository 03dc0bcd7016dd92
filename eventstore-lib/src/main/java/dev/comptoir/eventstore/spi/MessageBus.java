package dev.comptoir.eventstore.spi;

import dev.comptoir.eventstore.bus.BusMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A log-structured message bus with consumer groups (the Redis Streams model): publish,
 * read new messages for a group's consumer, claim messages another consumer left pending,
 * acknowledge. Consumers use it through {@link dev.comptoir.eventstore.bus.BusConsumer}.
 *
 * <p>Implementations are thread-safe. Groups read a stream from its beginning (start id 0)
 * and are created on demand, also after the bus lost its data (e.g. a Redis restart).
 */
public interface MessageBus extends AutoCloseable {

    /** Appends a message to {@code stream} (trimming it to the bus's bounded length); returns its id. */
    String publish(String stream, Map<String, String> fields);

    /**
     * Up to {@code count} messages of {@code streams} never delivered to {@code group}, now
     * pending for {@code consumer}, in stream order.
     */
    List<BusMessage> readNew(String group, String consumer, List<String> streams, int count);

    /**
     * Transfers to {@code consumer} up to {@code count} messages of {@code stream} pending in
     * {@code group} for at least {@code minIdle} (XAUTOCLAIM) and returns them with their
     * delivery counts (this delivery included).
     */
    List<BusMessage> claimIdle(String group, String consumer, String stream, Duration minIdle, int count);

    /** Acknowledges messages: they leave the group's pending list. */
    void ack(String group, String stream, List<String> ids);

    /** How many messages of {@code stream} are pending (delivered, not acknowledged) in {@code group}. */
    long pendingCount(String group, String stream);

    /** The number of messages currently kept in {@code stream}. */
    long length(String stream);

    @Override
    void close();
}
