package dev.comptoir.sim.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The common PostgreSQL baseline: single-row INSERT transactions (autocommit) per second on a
 * given pool at a given concurrency, measured by hand with plain JDBC.
 */
public final class RawJdbcBaseline {
    private RawJdbcBaseline() {}

    /**
     * Runs {@code threads} loops of one-row INSERT commits for {@code duration} (after a short
     * warm-up) and returns commits per second. Uses its own table {@code bench_baseline_rows}.
     */
    public static double insertTransactionsPerSecond(DataSource ds, int threads, Duration duration) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_baseline_rows (id BIGSERIAL PRIMARY KEY, worker INT NOT NULL, payload TEXT NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("baseline table: " + e.getMessage(), e);
        }
        run(ds, threads, Duration.ofMillis(Math.min(1000, duration.toMillis() / 4)));
        return run(ds, threads, duration);
    }

    private static double run(DataSource ds, int threads, Duration duration) {
        AtomicLong commits = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Thread th = new Thread(() -> {
                try (Connection c = ds.getConnection();
                     PreparedStatement ps = c.prepareStatement("INSERT INTO bench_baseline_rows (worker, payload) VALUES (?, ?)")) {
                    c.setAutoCommit(true);
                    start.await();
                    long end = window[1];
                    long n = 0;
                    while (System.nanoTime() < end) {
                        ps.setInt(1, worker);
                        ps.setString(2, "row");
                        ps.executeUpdate();
                        n++;
                    }
                    commits.addAndGet(n);
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "baseline-" + t);
            workers.add(th);
            th.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        start.countDown();
        for (Thread th : workers) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("baseline failed: " + errors.get(0).getMessage(), errors.get(0));
        }
        double secs = (System.nanoTime() - window[0]) / 1e9;
        return commits.get() / secs;
    }
}
