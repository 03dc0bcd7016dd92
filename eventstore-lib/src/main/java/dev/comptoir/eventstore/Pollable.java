package dev.comptoir.eventstore;

/**
 * Work that runs by itself in production (a relay, a consumer, a subscription, a projection
 * runner) but can also be driven step by step by its caller, e.g. a deterministic simulation on
 * one thread.
 *
 * <pre>{@code
 * relay.pollOnce();        // one step: how much work it did
 * relay.runUntilIdle();    // steps until one does nothing
 * }</pre>
 */
public interface Pollable {

    /** Does one step of work; returns how much was done (0 when there was nothing to do). */
    int pollOnce();

    /** Polls until a poll does nothing; returns the total. */
    default int runUntilIdle() {
        int total = 0;
        int n;
        while ((n = pollOnce()) > 0) {
            total += n;
        }
        return total;
    }
}
