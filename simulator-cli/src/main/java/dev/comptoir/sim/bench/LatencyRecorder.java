package dev.comptoir.sim.bench;

import java.util.Arrays;

/**
 * Records latencies in nanoseconds (thread-confined; merge per-thread recorders with
 * {@link #merge}) and reports percentiles in milliseconds.
 */
public final class LatencyRecorder {
    private long[] samples;
    private int size;

    public LatencyRecorder() {
        this(1024);
    }

    public LatencyRecorder(int capacity) {
        this.samples = new long[Math.max(16, capacity)];
    }

    /** Records one latency. */
    public void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    /** Adds all samples of {@code other} to this recorder. */
    public LatencyRecorder merge(LatencyRecorder other) {
        for (int i = 0; i < other.size; i++) {
            record(other.samples[i]);
        }
        return this;
    }

    public int count() {
        return size;
    }

    /** The {@code p}-th percentile (0 &lt; p &le; 100) in milliseconds; 0 when empty. */
    public double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * size) - 1;
        idx = Math.max(0, Math.min(size - 1, idx));
        return sorted[idx] / 1_000_000.0;
    }
}
