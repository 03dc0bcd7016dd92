package dev.comptoir.sim.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The timed closed loop of the PostgreSQL benchmarks: {@code threads} threads each run one
 * operation after another until a common deadline, recording each operation's latency. Every
 * thread is created and set up before the clock starts, and all start together on one latch.
 *
 * <pre>{@code
 * TimedLoop.Result r = TimedLoop.run("bench-es", 8, Duration.ofSeconds(3), (thread, i) -> store.append(...));
 * double perSecond = r.opsPerSecond();
 * }</pre>
 */
public final class TimedLoop {
    private TimedLoop() {
    }

    /** CPU time of this JVM so far (0 where the platform does not tell). */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** One operation of thread {@code thread}; {@code index} counts that thread's operations from 0. */
    @FunctionalInterface
    public interface Op {
        void run(int thread, long index) throws Exception;
    }

    /** The work of one thread, set up before the clock starts and closed after the deadline. */
    public interface Worker extends AutoCloseable {
        /** Runs operation number {@code index} of this thread. */
        void run(long index) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Creates the {@link Worker} of thread {@code thread} (e.g. holding its own connection). */
    @FunctionalInterface
    public interface WorkerFactory {
        Worker create(int thread) throws Exception;
    }

    /**
     * What a timed loop did: operations, wall seconds between the start signal and the last
     * thread's end, every operation's latency, and the CPU time the whole JVM used meanwhile.
     */
    public record Result(long ops, double seconds, LatencyRecorder latencies, long cpuNanos) {
        /** Nothing measured yet (the neutral element of {@link #plus}). */
        public static final Result EMPTY = new Result(0, 0, new LatencyRecorder(), 0);

        /** A result without a CPU figure. */
        public Result(long ops, double seconds, LatencyRecorder latencies) {
            this(ops, seconds, latencies, 0);
        }

        /** CPU time this JVM used per operation, in microseconds (all its threads, the loop's included). */
        public double cpuMicrosPerOp() {
            return ops == 0 ? 0 : cpuNanos / 1e3 / ops;
        }

        /** Operations per second (0 when nothing ran). */
        public double opsPerSecond() {
            return seconds == 0 ? 0 : ops / seconds;
        }

        /** Both runs together (operations and seconds added, latencies merged). */
        public Result plus(Result o) {
            return new Result(ops + o.ops, seconds + o.seconds,
                    new LatencyRecorder().merge(latencies).merge(o.latencies), cpuNanos + o.cpuNanos);
        }
    }

    /** Runs {@code op} on {@code threads} threads for {@code duration}. */
    public static Result run(String name, int threads, Duration duration, Op op) {
        return run(name, threads, duration, thread -> index -> op.run(thread, index));
    }

    /**
     * Runs one {@link Worker} per thread for {@code duration}. Fails with the first exception
     * an operation threw (the other threads stop at their next operation).
     */
    public static Result run(String name, int threads, Duration duration, WorkerFactory factory) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be > 0, was " + threads);
        }
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        LatencyRecorder[] recorders = new LatencyRecorder[threads];
        long[] counts = new long[threads];
        long[] end = new long[1];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            recorders[t] = new LatencyRecorder(8192);
            Thread th = new Thread(() -> {
                Worker worker = null;
                try {
                    worker = factory.create(thread);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    ready.countDown();
                }
                if (worker == null) {
                    return;
                }
                try (Worker w = worker) {
                    go.await();
                    long deadline = end[0];
                    long i = 0;
                    LatencyRecorder latencies = recorders[thread];
                    while (failure.get() == null) {
                        long t0 = System.nanoTime();
                        if (t0 >= deadline) {
                            break;
                        }
                        w.run(i++);
                        latencies.record(System.nanoTime() - t0);
                    }
                    counts[thread] = i;
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, name + "-" + t);
            workers.add(th);
            th.start();
        }
        try {
            ready.await();
            long cpu0 = processCpuNanos();
            long start = System.nanoTime();
            end[0] = start + duration.toNanos();
            go.countDown();
            for (Thread th : workers) {
                th.join();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            long cpu = processCpuNanos() - cpu0;
            Throwable f = failure.get();
            if (f != null) {
                throw new IllegalStateException(name + " failed: " + f, f);
            }
            long total = 0;
            LatencyRecorder all = new LatencyRecorder(8192);
            for (int t = 0; t < threads; t++) {
                total += counts[t];
                all.merge(recorders[t]);
            }
            return new Result(total, secs, all, cpu);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
