package dev.comptoir.sim.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.ReservationId;
import dev.comptoir.core.inventory.ReservationLine;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.memory.InMemoryInventoryStore;
import dev.comptoir.core.postgres.PgInventoryStore;
import dev.comptoir.core.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench core}: reserve+confirm stock operations per second through core-lib's
 * {@link InventoryService}, in memory and on PostgreSQL, beside a raw JDBC baseline that does
 * the same writes by hand (the reservation row, the conditional {@code UPDATE stock} and the
 * journal {@code INSERT} of each operation, one transaction each) on a pool of the same size at
 * the same concurrency, and a stricter floor that skips the reservation rows. One "op" is a
 * reservation of one unit followed by its confirmation.
 */
@Command(name = "core", mixinStandardHelpOptions = true,
        description = "Reserve+confirm stock operations per second (core-lib inventory) vs raw JDBC.")
public final class BenchCoreCommand implements Callable<Integer> {

    /** Which stores to measure. */
    enum Backend { memory, postgres, all }

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", description = "memory, postgres or all (default: ${DEFAULT-VALUE}).",
            defaultValue = "memory")
    Backend backend;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--ops", description = "In-memory operations to time (default: ${DEFAULT-VALUE}).",
            defaultValue = "300000")
    int memoryOps;

    @Option(names = "--threads", description = "Concurrent clients on PostgreSQL (default: ${DEFAULT-VALUE}).",
            defaultValue = "8")
    int threads;

    @Option(names = "--seconds", description = "Seconds per PostgreSQL measurement (default: ${DEFAULT-VALUE}).",
            defaultValue = "4")
    int seconds;

    @Option(names = "--rounds", description = "Alternating baseline/adapter rounds on PostgreSQL (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int rounds;

    @Option(names = "--products", description = "Distinct products the operations spread over (default: ${DEFAULT-VALUE}).",
            defaultValue = "64")
    int products;

    @Mixin
    PostgresOptions pg;

    private static final LocationId LOCATION = LocationId.of(1);
    private static final long PLENTY = 1_000_000_000L; // fits the in-memory store's int quantities

    @Override
    public Integer call() {
        if (memoryOps <= 0 || threads <= 0 || seconds <= 0 || rounds <= 0 || products <= 0) {
            throw new ParameterException(spec.commandLine(), "--ops, --threads, --seconds, --rounds and --products must be > 0");
        }
        if (backend != Backend.memory && pg.poolSize() < 2) {
            throw new ParameterException(spec.commandLine(), "--pool-size must be >= 2 (migrations hold one connection)");
        }
        BenchReport report = new BenchReport("bench core — reserve+confirm (1 op = reserve 1 unit, then confirm)")
                .header("backend", "ops/s", "p50 ms", "p99 ms", "vs raw JDBC");
        if (backend != Backend.postgres) {
            runMemory(report);
        }
        if (backend != Backend.memory) {
            runPostgres(report);
        }
        report.print(spec.commandLine().getOut(), json);
        return 0;
    }

    private void runMemory(BenchReport report) {
        InMemoryInventoryStore store = new InMemoryInventoryStore();
        InventoryService inventory = new InventoryService(store, Clock.systemUTC());
        for (int p = 1; p <= products; p++) {
            inventory.receive(ProductId.of(p), LOCATION, PLENTY, "bench");
        }
        runMemoryOps(inventory, Math.min(memoryOps, 50_000), 0); // warm-up
        store.forgetClosedBefore(Instant.now().plusSeconds(60));
        LatencyRecorder latencies = new LatencyRecorder(memoryOps);
        long start = System.nanoTime();
        runMemoryOps(inventory, memoryOps, 1_000_000, latencies);
        double secs = (System.nanoTime() - start) / 1e9;
        double opsPerSecond = memoryOps / secs;
        Map<String, Object> mem = new LinkedHashMap<>();
        mem.put("opsPerSecond", round(opsPerSecond));
        mem.put("ops", memoryOps);
        mem.put("threads", 1);
        mem.put("p50Millis", round(latencies.percentileMillis(50)));
        mem.put("p99Millis", round(latencies.percentileMillis(99)));
        report.field("memory", mem);
        report.row("memory (1 thread)", BenchReport.perSecond(opsPerSecond),
                fmt(latencies.percentileMillis(50)), fmt(latencies.percentileMillis(99)), "");
    }

    private void runMemoryOps(InventoryService inventory, int ops, int idBase) {
        runMemoryOps(inventory, ops, idBase, null);
    }

    private void runMemoryOps(InventoryService inventory, int ops, int idBase, LatencyRecorder latencies) {
        for (int i = 0; i < ops; i++) {
            long t0 = latencies == null ? 0 : System.nanoTime();
            ReservationId id = ReservationId.of("m" + (idBase + i));
            inventory.reserve(id, "bench", List.of(ReservationLine.of(ProductId.of(1 + (i % products)), LOCATION, 1)));
            inventory.confirm(id);
            if (latencies != null) {
                latencies.record(System.nanoTime() - t0);
            }
        }
    }

    private void runPostgres(BenchReport report) {
        String schema = PostgresOptions.freshSchema("bench_core");
        try (HikariDataSource pool = pg.pool(schema);
             PostgresDatabase db = PostgresDatabase.using(pool, schema)) {
            db.migrate();
            InventoryService inventory = new InventoryService(new PgInventoryStore(db), Clock.systemUTC());
            // The adapter and the baseline use disjoint products so neither sees the other's rows.
            for (int p = 1; p <= products; p++) {
                inventory.receive(ProductId.of(p), LOCATION, PLENTY, "bench");
                inventory.receive(ProductId.of(100_000 + p), LOCATION, PLENTY, "bench");
            }
            steadyState(pool);
            Duration d = Duration.ofSeconds(seconds);
            Duration warm = Duration.ofMillis(Math.min(1500, d.toMillis() / 2));
            TimedLoop.run("bench-core", threads, warm, (t, i) -> adapterOp(inventory, "w", t, i));
            TimedLoop.run("bench-core", threads, warm, (t, i) -> baselineOp(pool, t, i + 50_000_000L, false));
            TimedLoop.Result adapter = TimedLoop.Result.EMPTY;
            TimedLoop.Result baseline = TimedLoop.Result.EMPTY;
            TimedLoop.Result stockOnly = TimedLoop.Result.EMPTY;
            for (int r = 0; r < rounds; r++) {
                int round = r;
                long offset = r * 10_000_000L;
                baseline = baseline.plus(TimedLoop.run("bench-core", threads, d, (t, i) -> baselineOp(pool, t, offset + i, false)));
                adapter = adapter.plus(TimedLoop.run("bench-core", threads, d, (t, i) -> adapterOp(inventory, "r" + round, t, i)));
                stockOnly = stockOnly.plus(TimedLoop.run("bench-core", threads, d, (t, i) -> baselineOp(pool, t, offset + i, true)));
            }
            double ratio = adapter.opsPerSecond() / baseline.opsPerSecond();
            Map<String, Object> pgFields = new LinkedHashMap<>();
            pgFields.put("opsPerSecond", round(adapter.opsPerSecond()));
            pgFields.put("p50Millis", round(adapter.latencies().percentileMillis(50)));
            pgFields.put("p99Millis", round(adapter.latencies().percentileMillis(99)));
            pgFields.put("threads", threads);
            pgFields.put("poolSize", pg.poolSize());
            pgFields.put("baselineOpsPerSecond", round(baseline.opsPerSecond()));
            pgFields.put("ratioToBaseline", round(ratio));
            pgFields.put("stockOnlyBaselineOpsPerSecond", round(stockOnly.opsPerSecond()));
            pgFields.put("ratioToStockOnlyBaseline", round(adapter.opsPerSecond() / stockOnly.opsPerSecond()));
            report.field("postgres", pgFields);
            report.field("ratioToBaseline", round(ratio));
            report.row("postgres raw JDBC baseline (" + threads + " threads)", BenchReport.perSecond(baseline.opsPerSecond()),
                    fmt(baseline.latencies().percentileMillis(50)), fmt(baseline.latencies().percentileMillis(99)), "100.0 %");
            report.row("postgres raw JDBC, stock writes only", BenchReport.perSecond(stockOnly.opsPerSecond()),
                    fmt(stockOnly.latencies().percentileMillis(50)), fmt(stockOnly.latencies().percentileMillis(99)),
                    BenchReport.percent(stockOnly.opsPerSecond() / baseline.opsPerSecond()));
            report.row("postgres core-lib (" + threads + " threads)", BenchReport.perSecond(adapter.opsPerSecond()),
                    fmt(adapter.latencies().percentileMillis(50)), fmt(adapter.latencies().percentileMillis(99)),
                    BenchReport.percent(ratio));
            report.note("raw JDBC baseline: the same writes by hand, one statement each, two transactions per op (reserve: INSERT");
            report.note("  reservation, conditional UPDATE stock, INSERT journal; confirm: UPDATE reservation, UPDATE stock, INSERT journal);");
            report.note("stock writes only: each transaction without the reservation row (fewer writes than core-lib makes);");
            report.note("core-lib: InventoryService.reserve + confirm on PgInventoryStore (one statement per transaction).");
            report.note("tables start from a steady state (200,000 past reservations and journal rows, analysed);");
            report.note(rounds + " alternating rounds of " + seconds + " s each; pool " + pg.poolSize() + ", schema " + schema + " (dropped).");
        } finally {
            pg.dropSchema(schema);
        }
    }

    /**
     * Starts from a steady state rather than empty tables: 200,000 closed reservations and their
     * journal rows, then ANALYZE, so that the planner sees tables of realistic size (on empty,
     * fast-growing tables it keeps sequential-scan plans cached) for the adapter and the baseline alike.
     */
    private static void steadyState(DataSource ds) {
        try (Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO reservations (id, owner, status, created_at, expires_at, closed_at, product_ids, location_ids, quantities)
                    SELECT 'history-' || g, 'bench', 'CONFIRMED', now(), now(), now(), ARRAY[1 + g % 64]::bigint[], ARRAY[1], ARRAY[1]::bigint[]
                    FROM generate_series(1, 200000) g""");
            st.execute("""
                    INSERT INTO stock_movements (kind, product_id, location_id, on_hand_delta, reserved_delta, reference, at)
                    SELECT 'RECEIPT', 1 + g % 64, 1, 0, 0, 'history-' || g, now() FROM generate_series(1, 200000) g""");
            st.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("preparing the steady state: " + e.getMessage(), e);
        }
    }

    private void adapterOp(InventoryService inventory, String prefix, int thread, long i) {
        ReservationId id = ReservationId.of(prefix + "-" + thread + "-" + i);
        ProductId product = ProductId.of(1 + ((thread * 7919L + i) % products));
        inventory.reserve(id, "bench", List.of(ReservationLine.of(product, LOCATION, 1)));
        inventory.confirm(id);
    }

    /**
     * The adapter's writes by hand, with plain JDBC and one statement per write: the reserve
     * transaction inserts the reservation row, updates the stock conditionally and inserts the
     * journal row; the confirm transaction closes the reservation (guarded by its status), moves
     * the stock and inserts the journal row. With {@code stockOnly}, only the conditional stock
     * UPDATE and the journal INSERT of each operation (a stricter floor: fewer writes than
     * core-lib makes).
     */
    private void baselineOp(DataSource ds, int thread, long i, boolean stockOnly) throws SQLException {
        long product = 100_000 + 1 + ((thread * 7919L + i) % products);
        String ref = (stockOnly ? "s-" : "b-") + thread + "-" + i;
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement open = c.prepareStatement(
                    "INSERT INTO reservations (id, owner, status, created_at, expires_at, product_ids, location_ids, quantities) "
                            + "VALUES (?, 'bench', 'ACTIVE', ?, ?, ?, ?, ?)");
                 PreparedStatement reserve = c.prepareStatement(
                    "UPDATE stock SET reserved = reserved + ? WHERE product_id = ? AND location_id = ? AND on_hand - reserved >= ?");
                 PreparedStatement journal = c.prepareStatement(
                    "INSERT INTO stock_movements (kind, product_id, location_id, on_hand_delta, reserved_delta, reference, at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement close = c.prepareStatement(
                    "UPDATE reservations SET status = 'CONFIRMED', closed_at = ? WHERE id = ? AND status = 'ACTIVE'");
                 PreparedStatement confirm = c.prepareStatement(
                    "UPDATE stock SET on_hand = on_hand - ?, reserved = reserved - ? WHERE product_id = ? AND location_id = ? AND reserved >= ?")) {
                if (!stockOnly) {
                    open.setString(1, ref);
                    open.setTimestamp(2, now);
                    open.setTimestamp(3, Timestamp.from(now.toInstant().plusSeconds(600)));
                    open.setArray(4, c.createArrayOf("bigint", new Object[] {product}));
                    open.setArray(5, c.createArrayOf("integer", new Object[] {LOCATION.value()}));
                    open.setArray(6, c.createArrayOf("bigint", new Object[] {1L}));
                    open.executeUpdate();
                }
                reserve.setLong(1, 1);
                reserve.setLong(2, product);
                reserve.setInt(3, LOCATION.value());
                reserve.setLong(4, 1);
                if (reserve.executeUpdate() != 1) {
                    c.rollback();
                    throw new IllegalStateException("baseline: insufficient stock");
                }
                journalRow(journal, "RESERVATION", product, 0, 1, ref, now);
                c.commit();
                if (!stockOnly) {
                    close.setTimestamp(1, now);
                    close.setString(2, ref);
                    if (close.executeUpdate() != 1) {
                        c.rollback();
                        throw new IllegalStateException("baseline: reservation not active");
                    }
                }
                confirm.setLong(1, 1);
                confirm.setLong(2, 1);
                confirm.setLong(3, product);
                confirm.setInt(4, LOCATION.value());
                confirm.setLong(5, 1);
                if (confirm.executeUpdate() != 1) {
                    c.rollback();
                    throw new IllegalStateException("baseline: nothing reserved");
                }
                journalRow(journal, "CONFIRMATION", product, -1, -1, ref, now);
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void journalRow(PreparedStatement ps, String kind, long product, long onHand, long reserved,
                                   String ref, Timestamp at) throws SQLException {
        ps.setString(1, kind);
        ps.setLong(2, product);
        ps.setInt(3, LOCATION.value());
        ps.setLong(4, onHand);
        ps.setLong(5, reserved);
        ps.setString(6, ref);
        ps.setTimestamp(7, at);
        ps.executeUpdate();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String fmt(double millis) {
        return String.format("%.3f", millis);
    }
}
