package dev.comptoir.sim.engine;

import java.util.ArrayList;
import java.util.List;

/** Saga latencies in virtual milliseconds: exact counts per millisecond up to 10 minutes, then one overflow bucket. */
final class LatencyHistogram {
    private static final int LIMIT = 600_000;
    private final int[] counts = new int[LIMIT + 1];
    private long total;
    private long max;

    void record(long millis) {
        int i = (int) Math.min(Math.max(millis, 0), LIMIT);
        counts[i]++;
        total++;
        max = Math.max(max, millis);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /** The smallest latency at or below which a {@code q} share of sagas ended (0 when empty). */
    long percentile(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i <= LIMIT; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i;
            }
        }
        return LIMIT;
    }

    /** Counts in power-of-two buckets: [0,1), [1,2), [2,4), ... (upper bounds in ms), ending at the max. */
    List<long[]> buckets() {
        List<long[]> out = new ArrayList<>();
        long lower = 0;
        long upper = 1;
        int i = 0;
        while (lower <= Math.min(max, LIMIT)) {
            long n = 0;
            for (; i < upper && i <= LIMIT; i++) {
                n += counts[i];
            }
            out.add(new long[] {lower, upper, n});
            lower = upper;
            upper *= 2;
        }
        return out;
    }
}
