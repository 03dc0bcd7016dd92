package dev.comptoir.eventstore.projection;

import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.internal.BackgroundPoller;
import dev.comptoir.eventstore.RecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Runs a projection into an in-memory read model object (for tests and the simulator).
 *
 * <pre>{@code
 * var runner = Projections.inMemory(store, Projection.of("counts", TypeCounts::apply), TypeCounts::new, clock);
 * runner.runUntilIdle();
 * TypeCounts counts = runner.readModel();
 * }</pre>
 *
 * <p>The checkpoint advances event by event with the model, so a failure never re-applies or
 * skips an event. {@link #rebuild} folds all events into a fresh model and swaps it in; the
 * checker compares models with {@code equals}, so {@code M} must implement value equality.
 *
 * @param <M> the read model type
 */
public final class InMemoryProjectionRunner<M> implements ProjectionRunner {

    private final EventStore store;
    private final Projection<M> projection;
    private final Supplier<M> fresh;
    private final Clock clock;
    private final int batchSize;
    private final BackgroundPoller poller = new BackgroundPoller();
    private M model;
    private long position;
    private int generation = 1;
    private String lastError;
    private Instant lastErrorAt;

    InMemoryProjectionRunner(EventStore store, Projection<M> projection, Supplier<M> fresh, Clock clock, int batchSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.projection = Objects.requireNonNull(projection, "projection");
        this.fresh = Objects.requireNonNull(fresh, "fresh");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batchSize = batchSize;
        this.model = fresh.get();
    }

    /** The live read model (read it under your own synchronization if the runner is started). */
    public synchronized M readModel() {
        return model;
    }

    @Override
    public synchronized int pollOnce() {
        List<RecordedEvent> batch = store.readAll(position, batchSize);
        int n = 0;
        for (RecordedEvent e : batch) {
            try {
                if (projection.handles(e.type())) {
                    projection.apply(model, e);
                }
            } catch (RuntimeException ex) {
                lastError = String.valueOf(ex);
                lastErrorAt = clock.instant();
                return n;
            }
            position = e.position();
            n++;
        }
        if (n > 0) {
            lastError = null;
            lastErrorAt = null;
        }
        return n;
    }

    @Override
    public synchronized ProjectionStatus status() {
        return new ProjectionStatus(projection.name(), position, store.countAfter(position), lastError, lastErrorAt);
    }

    @Override
    public RebuildResult rebuild(RebuildListener listener) {
        M next = fresh.get();
        long total = store.countAfter(0);
        long pos = 0;
        long read = 0;
        while (true) {
            var batch = store.readAll(pos, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            for (RecordedEvent e : batch) {
                if (projection.handles(e.type())) {
                    projection.apply(next, e);
                }
                pos = e.position();
            }
            read += batch.size();
            listener.progress(read, Math.max(total, read));
        }
        synchronized (this) {
            // catch up with what was appended meanwhile, then swap
            List<RecordedEvent> batch;
            while (!(batch = store.readAll(pos, batchSize)).isEmpty()) {
                for (RecordedEvent e : batch) {
                    if (projection.handles(e.type())) {
                        projection.apply(next, e);
                    }
                    pos = e.position();
                }
                read += batch.size();
            }
            model = next;
            position = pos;
            generation++;
            lastError = null;
            lastErrorAt = null;
            return new RebuildResult(read, pos, generation);
        }
    }

    @Override
    public synchronized CheckResult check() {
        M rebuilt = fresh.get();
        long pos = 0;
        outer:
        while (true) {
            var batch = store.readAll(pos, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            for (RecordedEvent e : batch) {
                if (e.position() > position) {
                    break outer;
                }
                if (projection.handles(e.type())) {
                    projection.apply(rebuilt, e);
                }
                pos = e.position();
            }
        }
        if (Objects.equals(rebuilt, model)) {
            return new CheckResult.Consistent(position);
        }
        return new CheckResult.Diverged(position, List.of(projection.name() + ": live " + model + " != rebuilt " + rebuilt));
    }

    @Override
    public void start(ThreadFactory threads, Duration maxIdle) {
        poller.start(store, threads, maxIdle, this::pollOnce, e -> { }); // pollOnce records errors in status()
    }

    @Override
    public void close() {
        poller.stop();
    }
}
