package dev.comptoir.eventstore.projection;

import dev.comptoir.eventstore.Pollable;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * Applies new events to a projection in batches, keeping its checkpoint atomic with its
 * read-model writes; rebuilds it; checks it.
 *
 * <pre>{@code
 * ProjectionRunner runner = Projections.postgres(store, dataSource, "query", new ClaimProjection());
 * runner.runUntilIdle();                       // or runner.start(Thread.ofPlatform().factory(), Duration.ofSeconds(1))
 * runner.status().lag();
 * runner.rebuild((done, total) -> log.info("{}/{}", done, total));
 * if (runner.check() instanceof CheckResult.Diverged d) alert(d);
 * }</pre>
 *
 * <p>A batch that fails is rolled back; the events before the failing one are then applied
 * (and checkpointed) alone, the error is kept in {@link #status()}, and the next poll retries
 * the failing event. Thread-safe: runners serialize their own work.
 */
public interface ProjectionRunner extends Pollable, AutoCloseable {

    /** Applies one batch of new events; returns how many events were consumed. */
    @Override
    int pollOnce();

    /** Polls until nothing is left; returns the total. Stops early (returning) on a failing event. */
    @Override
    default int runUntilIdle() {
        return Pollable.super.runUntilIdle();
    }

    /** Checkpoint, lag and last error. */
    ProjectionStatus status();

    /**
     * Rebuilds the read model from position 0 into fresh storage while the live one keeps
     * serving reads, then switches over atomically.
     */
    RebuildResult rebuild(RebuildListener listener);

    /** Compares the live read model with a rebuild made at the live checkpoint (the live one is not changed). */
    CheckResult check();

    /** Polls on a background thread, woken by the store's append notifications. */
    void start(ThreadFactory threads, Duration maxIdle);

    /** Stops the background thread if any. */
    @Override
    void close();
}
