package dev.comptoir.sim.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The common PostgreSQL baseline: single-row INSERT transactions (autocommit) per second on a
 * given pool at a given concurrency, measured by hand with plain JDBC (each thread holds one
 * connection and one prepared statement for the whole run) in a {@link TimedLoop}.
 */
public final class RawJdbcBaseline {
    private static final String TABLE = "bench_baseline_rows";

    private RawJdbcBaseline() {}

    /**
     * Creates the baseline's table {@code bench_baseline_rows} if needed and fills it with
     * {@code pastRows} rows, so that the baseline, like the library beside it, starts from a
     * table of realistic size rather than an empty one (the caller runs ANALYZE afterwards).
     */
    public static void prepare(DataSource ds, int pastRows) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (id BIGSERIAL PRIMARY KEY, worker INT NOT NULL, payload TEXT NOT NULL)");
            if (pastRows > 0) {
                s.execute("INSERT INTO " + TABLE + " (worker, payload) SELECT g % 8, 'row' FROM generate_series(1, "
                        + pastRows + ") g");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("baseline table: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code threads} loops of one-row INSERT commits for {@code duration} (after a short
     * warm-up) and returns commits per second. Uses its own table {@code bench_baseline_rows}
     * (created empty if {@link #prepare} was not called).
     */
    public static double insertTransactionsPerSecond(DataSource ds, int threads, Duration duration) {
        return insertTransactions(ds, threads, duration).opsPerSecond();
    }

    /** As {@link #insertTransactionsPerSecond}, with the operation count, seconds and latencies. */
    public static TimedLoop.Result insertTransactions(DataSource ds, int threads, Duration duration) {
        prepare(ds, 0);
        run(ds, threads, Duration.ofMillis(Math.min(1000, duration.toMillis() / 4)));
        return run(ds, threads, duration);
    }

    private static TimedLoop.Result run(DataSource ds, int threads, Duration duration) {
        return TimedLoop.run("baseline", threads, duration, worker -> {
            Connection c = ds.getConnection();
            PreparedStatement ps;
            try {
                c.setAutoCommit(true);
                ps = c.prepareStatement("INSERT INTO " + TABLE + " (worker, payload) VALUES (?, ?)");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new TimedLoop.Worker() {
                @Override
                public void run(long index) throws SQLException {
                    ps.setInt(1, worker);
                    ps.setString(2, "row");
                    ps.executeUpdate();
                }

                @Override
                public void close() throws SQLException {
                    try (c) {
                        ps.close();
                    }
                }
            };
        });
    }
}
