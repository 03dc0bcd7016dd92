package dev.comptoir.eventstore.internal;

import dev.comptoir.eventstore.EventStore;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Runs a poll function on a thread, woken by store appends or every {@code maxIdle}: the one
 * background loop behind catch-up subscriptions, the outbox relay and the projection runners.
 * A poll that throws is reported to the error callback and retried after {@code maxIdle}; a poll
 * that succeeds reports {@code null}.
 */
public final class BackgroundPoller {

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private AutoCloseable listener;

    /** Starts the loop ({@code onError} receives each failure, and {@code null} after each good poll). */
    public synchronized void start(EventStore store, ThreadFactory threads, Duration maxIdle, IntSupplier poll,
                                   Consumer<RuntimeException> onError) {
        if (running) {
            throw new IllegalStateException("already started");
        }
        running = true;
        listener = store.onAppended(wakeUp::release);
        thread = threads.newThread(() -> {
            while (running) {
                int n;
                try {
                    n = poll.getAsInt();
                    onError.accept(null);
                } catch (RuntimeException e) {
                    n = 0;
                    onError.accept(e);
                }
                if (n == 0) {
                    try {
                        wakeUp.tryAcquire(maxIdle.toMillis(), TimeUnit.MILLISECONDS);
                        wakeUp.drainPermits();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
        thread.start();
    }

    /** Stops the loop, waits for it and unregisters from the store; a no-op when not started. */
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            wakeUp.release();
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (listener != null) {
            try {
                listener.close();
            } catch (Exception ignored) {
                // unregistering cannot meaningfully fail
            }
            listener = null;
        }
    }
}
