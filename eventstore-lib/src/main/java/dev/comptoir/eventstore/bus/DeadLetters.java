package dev.comptoir.eventstore.bus;

import dev.comptoir.eventstore.spi.MessageBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Replays dead letters: the messages a {@link BusConsumer} gave up on and copied to a stream's
 * dead-letter stream ({@code <stream>:dlq} by default), once the cause is fixed. Works on any
 * {@link MessageBus} (in memory, Redis).
 *
 * <pre>{@code
 * DeadLetters dlq = DeadLetters.of(bus);
 * DeadLetters.Replay r = dlq.replay("events:all", 100);                  // every dead letter, up to 100
 * dlq.replay("events:all", 100, m -> m.field("dlq.error").contains("timeout")); // the others are discarded
 * }</pre>
 *
 * <p>A replay publishes each dead letter's fields without the {@code dlq.*} ones back to the
 * stream it came from ({@link BusConsumer#DLQ_STREAM}) as a new message, so every group of that
 * stream receives it again (consumers de-duplicate through their {@link Inbox}, as for any
 * redelivery). The replayer reads the dead-letter stream as its own consumer group
 * (default {@value #DEFAULT_GROUP}): each dead letter is replayed or discarded once, and is
 * acknowledged only after it was republished, so a replay interrupted by a crash is resumed by
 * the next call (the letters it had taken are republished again: at least once). The
 * dead-letter stream itself is left as it is (an audit trail, bounded like every stream). Run one
 * replay of a stream at a time.
 */
public final class DeadLetters {
    /** The consumer group the replayer reads dead-letter streams with unless told otherwise. */
    public static final String DEFAULT_GROUP = "dlq-replay";
    private static final String DLQ_PREFIX = "dlq.";

    private final MessageBus bus;
    private final UnaryOperator<String> deadLetterStream;
    private final String group;
    private final String consumer;

    private DeadLetters(Builder b) {
        this.bus = b.bus;
        this.deadLetterStream = b.deadLetterStream;
        this.group = b.group;
        this.consumer = b.consumer;
    }

    /** A replayer with the defaults: dead-letter streams {@code <stream>:dlq}, group {@value #DEFAULT_GROUP}. */
    public static DeadLetters of(MessageBus bus) {
        return builder(bus).build();
    }

    /** A builder over {@code bus}. */
    public static Builder builder(MessageBus bus) {
        return new Builder(bus);
    }

    /** Replays up to {@code max} dead letters of {@code stream}, oldest first. */
    public Replay replay(String stream, int max) {
        return replay(stream, max, m -> true);
    }

    /**
     * Takes up to {@code max} dead letters of {@code stream} not yet replayed nor discarded
     * (oldest first; letters an interrupted replay had taken come first) and republishes those
     * that {@code which} accepts to the stream they came from; the others are discarded (never
     * offered again by this replayer; they stay in the dead-letter stream).
     */
    public Replay replay(String stream, int max, Predicate<BusMessage> which) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(which, "which");
        if (max <= 0) {
            throw new IllegalArgumentException("max must be > 0, was " + max);
        }
        String dlq = deadLetterStream.apply(stream);
        var letters = new ArrayList<>(bus.claimIdle(group, consumer, dlq, Duration.ZERO, max));
        if (letters.size() < max) {
            letters.addAll(bus.readNew(group, consumer, List.of(dlq), max - letters.size()));
        }
        int replayed = 0;
        int discarded = 0;
        var done = new ArrayList<String>(letters.size());
        try {
            for (BusMessage letter : letters) {
                if (which.test(letter)) {
                    String origin = letter.field(BusConsumer.DLQ_STREAM);
                    bus.publish(origin != null ? origin : stream, original(letter));
                    replayed++;
                } else {
                    discarded++;
                }
                done.add(letter.id());
            }
        } finally {
            if (!done.isEmpty()) {
                bus.ack(group, dlq, done);
            }
        }
        return new Replay(replayed, discarded);
    }

    /** Dead letters of {@code stream} taken by a replay that did not finish (to be replayed first next time). */
    public long interrupted(String stream) {
        return bus.pendingCount(group, deadLetterStream.apply(stream));
    }

    /** The fields of the message as it was before it was dead-lettered (without the {@code dlq.*} fields). */
    static Map<String, String> original(BusMessage letter) {
        var fields = new LinkedHashMap<String, String>();
        letter.fields().forEach((k, v) -> {
            if (!k.startsWith(DLQ_PREFIX)) {
                fields.put(k, v);
            }
        });
        return fields;
    }

    /**
     * What one {@link #replay} did.
     *
     * @param replayed  dead letters republished to their stream
     * @param discarded dead letters the filter refused (acknowledged, not republished)
     */
    public record Replay(int replayed, int discarded) {
        /** Dead letters this replay took (replayed + discarded); 0 means nothing was left. */
        public int taken() {
            return replayed + discarded;
        }
    }

    /** Configures a {@link DeadLetters}. */
    public static final class Builder {
        private final MessageBus bus;
        private UnaryOperator<String> deadLetterStream = s -> s + ":dlq";
        private String group = DEFAULT_GROUP;
        private String consumer = "replayer";

        private Builder(MessageBus bus) {
            this.bus = Objects.requireNonNull(bus, "bus");
        }

        /** The dead-letter stream of a stream; the same naming as the consumers' (default {@code <stream>:dlq}). */
        public Builder deadLetterStream(UnaryOperator<String> naming) {
            this.deadLetterStream = Objects.requireNonNull(naming, "naming");
            return this;
        }

        /** The consumer group (and consumer name) the replayer reads dead-letter streams with. */
        public Builder group(String group, String consumer) {
            this.group = Objects.requireNonNull(group, "group");
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            return this;
        }

        /** The replayer. */
        public DeadLetters build() {
            return new DeadLetters(this);
        }
    }
}
