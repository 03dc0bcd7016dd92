package dev.comptoir.eventstore.projection;

import dev.comptoir.eventstore.EventStore;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Runs a poll function on a thread, woken by store appends or every {@code maxIdle}. */
final class BackgroundPoller {

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private AutoCloseable listener;

    synchronized void start(EventStore store, ThreadFactory threads, Duration maxIdle, IntSupplier poll) {
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
                } catch (RuntimeException e) {
                    n = 0; // the runner recorded it in its status
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

    void stop() {
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
