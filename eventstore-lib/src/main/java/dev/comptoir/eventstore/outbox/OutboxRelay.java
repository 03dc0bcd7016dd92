package dev.comptoir.eventstore.outbox;

import dev.comptoir.eventstore.Pollable;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.bus.EventMessages;
import dev.comptoir.eventstore.bus.StreamNaming;
import dev.comptoir.eventstore.spi.CheckpointStore;
import dev.comptoir.eventstore.spi.MessageBus;
import dev.comptoir.eventstore.internal.BackgroundPoller;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Publishes what the event store committed to the bus, in position order, from a stored
 * checkpoint: the event store is the outbox, so there is no dual write.
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.builder(store, bus)
 *         .naming(StreamNaming.perTypeAndAll("events"))
 *         .checkpoints(MessageBuses.checkpointsOf(bus))   // lost with Redis' data => republish all
 *         .build();
 * relay.pollOnce();                                      // or relay.start(threads, Duration.ofSeconds(1))
 * }</pre>
 *
 * <p>At least once: the checkpoint is saved after the batch is published, so a crash in between
 * republishes the batch. Keep the checkpoint where the published messages live (the Redis bus
 * itself, {@link dev.comptoir.eventstore.bus.MessageBuses#checkpointsOf}): if Redis loses its
 * data, the checkpoint goes back with it and the relay republishes everything from there;
 * consumers de-duplicate by event id (an {@link dev.comptoir.eventstore.bus.Inbox}). Nothing is
 * lost. Thread-safe ({@code pollOnce} is synchronized).
 */
public final class OutboxRelay implements Pollable, AutoCloseable {

    private final EventStore store;
    private final MessageBus bus;
    private final String name;
    private final StreamNaming naming;
    private final CheckpointStore checkpoints;
    private final int batchSize;
    private final BackgroundPoller poller = new BackgroundPoller();
    private volatile long position;
    private volatile Throwable lastError;

    private OutboxRelay(Builder b) {
        this.store = b.store;
        this.bus = b.bus;
        this.name = b.name;
        this.naming = b.naming;
        this.checkpoints = Objects.requireNonNull(b.checkpoints, "checkpoints");
        this.batchSize = b.batchSize;
    }

    /** A builder relaying {@code store} to {@code bus}. */
    public static Builder builder(EventStore store, MessageBus bus) {
        return new Builder(store, bus);
    }

    /** Publishes the next batch after the stored checkpoint; returns how many events. */
    @Override
    public synchronized int pollOnce() {
        long from = checkpoints.load(name);
        var batch = store.readAll(from, batchSize);
        for (RecordedEvent e : batch) {
            var fields = EventMessages.toFields(e);
            for (String stream : naming.streamsFor(e)) {
                bus.publish(stream, fields);
            }
        }
        if (!batch.isEmpty()) {
            position = batch.get(batch.size() - 1).position();
            checkpoints.save(name, position);
        } else {
            position = from;
        }
        return batch.size();
    }

    /** The position of the last event published (as of the last poll). */
    public long position() {
        return position;
    }

    /** The last error of the background loop, or null. */
    public Throwable lastError() {
        return lastError;
    }

    /** Relays on a background thread, woken by appends and at least every {@code maxIdle}. */
    public void start(ThreadFactory threads, Duration maxIdle) {
        poller.start(store, threads, maxIdle, this::pollOnce, e -> lastError = e);
    }

    /** Stops the background thread, if any. */
    @Override
    public void close() {
        poller.stop();
    }

    /** Builds an {@link OutboxRelay}. Not thread-safe. */
    public static final class Builder {
        private final EventStore store;
        private final MessageBus bus;
        private String name = "outbox-relay";
        private StreamNaming naming = StreamNaming.perTypeAndAll("events");
        private CheckpointStore checkpoints;
        private int batchSize = 500;

        private Builder(EventStore store, MessageBus bus) {
            this.store = Objects.requireNonNull(store, "store");
            this.bus = Objects.requireNonNull(bus, "bus");
        }

        /** The checkpoint name (default {@code outbox-relay}). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Which streams each event goes to (default {@code events:<type>} and {@code events:all}). */
        public Builder naming(StreamNaming naming) {
            this.naming = Objects.requireNonNull(naming, "naming");
            return this;
        }

        /** Where the checkpoint lives (required). */
        public Builder checkpoints(CheckpointStore checkpoints) {
            this.checkpoints = checkpoints;
            return this;
        }

        /** Events per batch (default 500). */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, was " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** The relay. */
        public OutboxRelay build() {
            return new OutboxRelay(this);
        }
    }
}
