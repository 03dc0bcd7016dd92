package dev.comptoir.eventstore.bus;

import dev.comptoir.eventstore.Pollable;
import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.spi.MessageBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * One consumer of a consumer group: reads its streams, hands each message to the handler,
 * acknowledges after the handler returns.
 *
 * <pre>{@code
 * BusConsumer consumer = BusConsumer.builder(bus, "refund-payment-group", "refund-payment-consumer")
 *         .streams("events:sagaremboursementdemarree", "events:sagaremboursementechouee")
 *         .handler(message -> refunds.on(message))
 *         .maxDeliveries(5)                         // then to "<stream>:dlq"
 *         .claimIdleAfter(Duration.ofSeconds(30))   // take over messages a dead consumer left pending
 *         .build();
 * consumer.pollOnce();                              // or consumer.start(threadFactory)
 * }</pre>
 *
 * <p>Each {@link #pollOnce()} first claims messages left pending for longer than the claim
 * idle time (by any consumer of the group, this one included: that is how failed messages are
 * retried), then reads new ones. A message whose delivery count exceeds {@code maxDeliveries}
 * is copied to the dead-letter stream (with {@code dlq.*} fields saying where it came from and
 * the last error) and acknowledged instead of being handled. Delivery is at least once; within
 * a stream, first deliveries to one consumer are in publication order, redeliveries come later.
 * Acknowledgements are sent once per batch, after the handler has run for each message of it
 * (a crash before that redelivers the batch's handled messages: handlers de-duplicate).
 *
 * <p>Thread-safety: drive it from one thread at a time ({@code pollOnce} is synchronized).
 */
public final class BusConsumer implements Pollable, AutoCloseable {

    /** Field added to dead-lettered messages: the stream they came from. */
    public static final String DLQ_STREAM = "dlq.stream";
    /** Field added to dead-lettered messages: their original id. */
    public static final String DLQ_ID = "dlq.id";
    /** Field added to dead-lettered messages: the group that gave up. */
    public static final String DLQ_GROUP = "dlq.group";
    /** Field added to dead-lettered messages: the delivery count reached. */
    public static final String DLQ_DELIVERIES = "dlq.deliveries";
    /** Field added to dead-lettered messages: the last handler error, if known. */
    public static final String DLQ_ERROR = "dlq.error";

    private final MessageBus bus;
    private final String group;
    private final String consumer;
    private final List<String> streams;
    private final MessageHandler handler;
    private final int maxDeliveries;
    private final Duration claimIdleAfter;
    private final int batchSize;
    private final UnaryOperator<String> deadLetterStream;
    private final Map<String, String> lastErrors = new HashMap<>();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile Throwable lastError;
    private volatile boolean running;
    private Thread thread;

    private BusConsumer(Builder b) {
        this.bus = b.bus;
        this.group = b.group;
        this.consumer = b.consumer;
        this.streams = List.copyOf(b.streams);
        this.handler = Objects.requireNonNull(b.handler, "handler");
        this.maxDeliveries = b.maxDeliveries;
        this.claimIdleAfter = b.claimIdleAfter;
        this.batchSize = b.batchSize;
        this.deadLetterStream = b.deadLetterStream;
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("a consumer needs at least one stream");
        }
    }

    /** A builder for consumer {@code consumer} of {@code group}. */
    public static Builder builder(MessageBus bus, String group, String consumer) {
        return new Builder(bus, group, consumer);
    }

    /**
     * Claims idle pending messages, then reads new ones, and handles them; returns how many
     * messages were handled successfully or dead-lettered.
     */
    @Override
    public synchronized int pollOnce() {
        int done = 0;
        for (String stream : streams) {
            done += processAll(bus.claimIdle(group, consumer, stream, claimIdleAfter, batchSize));
        }
        done += processAll(bus.readNew(group, consumer, streams, batchSize));
        return done;
    }

    /** Handles a batch, then acknowledges what was handled (one XACK per stream). */
    private int processAll(List<BusMessage> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        var toAck = new java.util.LinkedHashMap<String, List<String>>();
        int done = 0;
        try {
            for (BusMessage m : batch) {
                if (process(m)) {
                    toAck.computeIfAbsent(m.stream(), k -> new ArrayList<>()).add(m.id());
                    done++;
                }
            }
        } finally {
            toAck.forEach((stream, ids) -> bus.ack(group, stream, ids));
        }
        return done;
    }

    /** True when the message is done with (handled, or dead-lettered) and must be acknowledged. */
    private boolean process(BusMessage m) {
        if (m.deliveryCount() > maxDeliveries) {
            var fields = new HashMap<>(m.fields());
            fields.put(DLQ_STREAM, m.stream());
            fields.put(DLQ_ID, m.id());
            fields.put(DLQ_GROUP, group);
            fields.put(DLQ_DELIVERIES, Long.toString(m.deliveryCount() - 1));
            fields.put(DLQ_ERROR, lastErrors.getOrDefault(key(m), "unknown (handled by another consumer)"));
            bus.publish(deadLetterStream.apply(m.stream()), fields);
            lastErrors.remove(key(m));
            deadLettered.incrementAndGet();
            return true;
        }
        try {
            handler.handle(m);
        } catch (Exception e) {
            lastError = e;
            if (lastErrors.size() > 10_000) {
                lastErrors.clear();
            }
            lastErrors.put(key(m), String.valueOf(e));
            return false;
        }
        lastErrors.remove(key(m));
        handled.incrementAndGet();
        return true;
    }

    private static String key(BusMessage m) {
        return m.stream() + "/" + m.id();
    }

    /** Messages handled and acknowledged so far. */
    public long handledCount() {
        return handled.get();
    }

    /** Messages sent to the dead-letter stream so far. */
    public long deadLetteredCount() {
        return deadLettered.get();
    }

    /** The last handler or bus error, or null. */
    public Throwable lastError() {
        return lastError;
    }

    /** The group. */
    public String group() {
        return group;
    }

    /** Starts a background thread polling, pausing {@code idlePause} after an empty poll. */
    public synchronized void start(ThreadFactory threads, Duration idlePause) {
        if (running) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = threads.newThread(() -> {
            while (running) {
                int n = 0;
                try {
                    n = pollOnce();
                } catch (EventStoreException e) {
                    lastError = e;
                }
                if (n == 0 && running) {
                    LockSupport.parkNanos(idlePause.toNanos());
                }
            }
        });
        thread.start();
    }

    /** Stops the background thread, if any. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Builds a {@link BusConsumer}. Not thread-safe. */
    public static final class Builder {
        private final MessageBus bus;
        private final String group;
        private final String consumer;
        private final List<String> streams = new ArrayList<>();
        private MessageHandler handler;
        private int maxDeliveries = 5;
        private Duration claimIdleAfter = Duration.ofSeconds(30);
        private int batchSize = 10;
        private UnaryOperator<String> deadLetterStream = s -> s + ":dlq";

        private Builder(MessageBus bus, String group, String consumer) {
            this.bus = Objects.requireNonNull(bus, "bus");
            this.group = Objects.requireNonNull(group, "group");
            this.consumer = Objects.requireNonNull(consumer, "consumer");
        }

        /** The streams to read. */
        public Builder streams(String... names) {
            streams.addAll(List.of(names));
            return this;
        }

        /** The handler. */
        public Builder handler(MessageHandler handler) {
            this.handler = handler;
            return this;
        }

        /** Deliveries allowed before a message is dead-lettered (default 5). */
        public Builder maxDeliveries(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxDeliveries must be >= 1, was " + n);
            }
            this.maxDeliveries = n;
            return this;
        }

        /** How long a message stays pending before it is claimed again (default 30 s). */
        public Builder claimIdleAfter(Duration idle) {
            if (idle.isNegative()) {
                throw new IllegalArgumentException("claimIdleAfter must be >= 0, was " + idle);
            }
            this.claimIdleAfter = idle;
            return this;
        }

        /** Messages per read (default 10). */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** The dead-letter stream of a stream (default {@code <stream>:dlq}). */
        public Builder deadLetterStream(UnaryOperator<String> naming) {
            this.deadLetterStream = Objects.requireNonNull(naming, "naming");
            return this;
        }

        /** The consumer. */
        public BusConsumer build() {
            return new BusConsumer(this);
        }
    }
}
