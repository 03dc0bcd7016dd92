package dev.comptoir.eventstore;

import dev.comptoir.eventstore.internal.BackgroundPoller;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Delivers every event of "read all" after a checkpoint to a handler: the history first, then
 * live events, in position order, each once per successful handling.
 *
 * <p>Drive it step by step ({@link #pollOnce()}, {@link #runUntilIdle()}) for deterministic
 * runs, or call {@link #start(ThreadFactory)} for a background thread that wakes up on the
 * store's append notifications. When the handler throws, the subscription stops before the
 * failing event (the checkpoint stays on the previous one); {@link #pollOnce()} rethrows and the
 * background mode records {@link #lastError()} and retries later.
 *
 * <pre>{@code
 * var sub = store.subscribe(0, e -> seen.add(e.eventId()));
 * sub.runUntilIdle();
 * long checkpoint = sub.position();
 * }</pre>
 *
 * <p>Thread-safety: {@code pollOnce} calls are serialized; not meant to be driven from two
 * threads at once while started.
 */
public final class CatchUpSubscription implements Pollable, AutoCloseable {

    private final EventStore store;
    private final Consumer<RecordedEvent> handler;
    private final int batchSize;
    private final BackgroundPoller poller = new BackgroundPoller();
    private volatile long position;
    private volatile RuntimeException lastError;

    CatchUpSubscription(EventStore store, long afterPosition, Consumer<RecordedEvent> handler, int batchSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.handler = Objects.requireNonNull(handler, "handler");
        if (afterPosition < 0) {
            throw new IllegalArgumentException("afterPosition must be >= 0, was " + afterPosition);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        this.position = afterPosition;
        this.batchSize = batchSize;
    }

    /** Reads one batch after the checkpoint and hands each event to the handler; returns how many. */
    @Override
    public synchronized int pollOnce() {
        var batch = store.readAll(position, batchSize);
        int handled = 0;
        for (RecordedEvent e : batch) {
            handler.accept(e);
            position = e.position();
            handled++;
        }
        return handled;
    }

    /** The position of the last event handled (the checkpoint). */
    public long position() {
        return position;
    }

    /** The last error the background loop met, or null. */
    public RuntimeException lastError() {
        return lastError;
    }

    /**
     * Starts a background thread that polls whenever the store signals appends (and at least
     * every {@code maxIdle} as a fallback).
     */
    public void start(ThreadFactory threads, Duration maxIdle) {
        poller.start(store, threads, maxIdle, this::pollOnce, e -> lastError = e);
    }

    /** {@link #start(ThreadFactory, Duration)} with a 1 s fallback poll. */
    public void start(ThreadFactory threads) {
        start(threads, Duration.ofSeconds(1));
    }

    /** Stops the background thread (if any) and waits for it. */
    @Override
    public void close() {
        poller.stop();
    }
}
