package dev.comptoir.sim.engine;

import java.util.Arrays;

/**
 * Deterministic discrete-event scheduler: actions ordered by virtual time, ties broken by
 * insertion order. A binary heap over parallel primitive arrays, so millions of events cost no
 * per-event boxing. Single-threaded by design: the whole embedded simulation runs on the
 * thread that calls {@link #runNext()}.
 */
final class Scheduler {
    private final VirtualClock clock;
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private Runnable[] actions = new Runnable[1024];
    private int size;
    private long nextSeq;
    private long executed;

    Scheduler(VirtualClock clock) {
        this.clock = clock;
    }

    /** Runs {@code action} at virtual time {@code atMillis} (never before now). */
    void at(long atMillis, Runnable action) {
        long t = Math.max(atMillis, clock.millis());
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            actions = Arrays.copyOf(actions, n);
        }
        int i = size++;
        long s = nextSeq++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(t, s, times[parent], seqs[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        times[i] = t;
        seqs[i] = s;
        actions[i] = action;
    }

    /** Runs {@code action} {@code delayMillis} after now. */
    void after(long delayMillis, Runnable action) {
        at(clock.millis() + Math.max(0, delayMillis), action);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Virtual time of the next event, or {@link Long#MAX_VALUE}. */
    long nextTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    long executed() {
        return executed;
    }

    /** Moves the clock to the earliest event and runs it; false when there is none. */
    boolean runNext() {
        if (size == 0) {
            return false;
        }
        long t = times[0];
        Runnable action = actions[0];
        int last = --size;
        long lt = times[last];
        long ls = seqs[last];
        Runnable la = actions[last];
        actions[last] = null;
        if (last > 0) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last && less(times[child + 1], seqs[child + 1], times[child], seqs[child])) {
                    child++;
                }
                if (!less(times[child], seqs[child], lt, ls)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            times[i] = lt;
            seqs[i] = ls;
            actions[i] = la;
        }
        clock.advanceTo(Math.max(t, clock.millis())); // a slow participant may have moved time on
        executed++;
        action.run();
        return true;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        seqs[to] = seqs[from];
        actions[to] = actions[from];
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }
}
