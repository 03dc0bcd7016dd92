package dev.comptoir.sim.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.comptoir.eventstore.EventEnvelope;
import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.projection.PostgresProjection;
import dev.comptoir.eventstore.projection.Projection;
import dev.comptoir.eventstore.projection.Projections;
import dev.comptoir.eventstore.projection.ReadModelTx;
import dev.comptoir.eventstore.projection.RebuildListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench eventstore}: events per second of eventstore-lib's store (single-event appends,
 * batched appends, read all, projection rebuild), beside a raw baseline measured in the same
 * run: on PostgreSQL, single-row INSERT transactions with plain JDBC on the same pool at the
 * same concurrency ({@link RawJdbcBaseline}); in memory, appends to a synchronized list.
 */
@Command(name = "eventstore", mixinStandardHelpOptions = true,
        description = "Event store throughput (append, batched append, read all, projection rebuild) vs a raw baseline.")
public final class BenchEventStoreCommand implements Callable<Integer> {

    /** Which store to measure. */
    enum Backend { memory, postgres }

    /** Goals of issue 5 on this machine (PostgreSQL). */
    static final Map<String, Double> TARGETS = Map.of(
            "batchedAppend", 60_000.0, "readAll", 500_000.0, "projectionRebuild", 100_000.0, "singleAppendRatio", 0.70);

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", description = "memory or postgres (default: ${DEFAULT-VALUE}).", defaultValue = "memory")
    Backend backend;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--events", description = "Events appended in memory (default: ${DEFAULT-VALUE}).", defaultValue = "200000")
    int events;

    @Option(names = "--threads", description = "Concurrent writers on PostgreSQL (default: ${DEFAULT-VALUE}).", defaultValue = "8")
    int threads;

    @Option(names = "--seconds", description = "Seconds per PostgreSQL append measurement (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int seconds;

    @Option(names = "--rounds", description = "Alternating baseline/single-append rounds (default: ${DEFAULT-VALUE}).",
            defaultValue = "4")
    int rounds;

    @Option(names = "--batch", description = "Events per batched append (default: ${DEFAULT-VALUE}).", defaultValue = "500")
    int batch;

    @Option(names = "--history", description = "Past events (and past baseline rows) the PostgreSQL tables start "
            + "with, analysed (default: ${DEFAULT-VALUE}).", defaultValue = "200000")
    int history;

    @Mixin
    PostgresOptions pg;

    private static final String PAYLOAD = "{\"claim_id\":\"c-0001\",\"customer_id\":\"42\",\"amount\":\"12.50\"}";

    @Override
    public Integer call() {
        if (events <= 0 || threads <= 0 || seconds <= 0 || rounds <= 0 || batch <= 0 || history < 0 || history >= 1 << 20) {
            throw new ParameterException(spec.commandLine(),
                    "--events, --threads, --seconds, --rounds and --batch must be > 0, --history between 0 and 1048575");
        }
        var report = new BenchReport("bench eventstore — " + backend + " (events per second)")
                .header("mode", "events/s", "vs baseline", "target");
        if (backend == Backend.memory) {
            runMemory(report);
        } else {
            runPostgres(report);
        }
        report.print(spec.commandLine().getOut(), json);
        return 0;
    }

    private static EventEnvelope envelope(Instant now) {
        return new EventEnvelope(eventId(), "BenchEvent", PAYLOAD, EventMetadata.of(now).withCorrelationId("bench"));
    }

    /**
     * A random (version 4) event id from the thread's fast generator, as an application that
     * injects its id generator does (cf. {@code AggregateRepository.ids(random)}); {@code
     * UUID.randomUUID()} would make the benchmark measure the JDK's locked SecureRandom instead.
     */
    private static UUID eventId() {
        var r = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE);
    }

    private void runMemory(BenchReport report) {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        // baseline: appending the same number of records to a synchronized list
        var raw = new ArrayList<Object>();
        long t0 = System.nanoTime();
        for (int i = 0; i < events; i++) {
            synchronized (raw) {
                raw.add(envelope(now));
            }
        }
        double baseline = events / secondsSince(t0);

        EventStore store = EventStore.inMemory(clock);
        t0 = System.nanoTime();
        for (int i = 0; i < events; i++) {
            store.append("single-" + (i % 1000), ExpectedVersion.any(), envelope(now));
        }
        double single = events / secondsSince(t0);

        int batches = Math.max(1, events / batch);
        t0 = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            var list = new ArrayList<EventEnvelope>(batch);
            for (int i = 0; i < batch; i++) {
                list.add(envelope(now));
            }
            store.append("batch-" + b, ExpectedVersion.noStream(), list);
        }
        double batched = (double) batches * batch / secondsSince(t0);

        readAll(store);
        double read = Math.max(readAll(store), readAll(store));
        var runner = Projections.inMemory(store, Projection.<Map<String, Long>>of("bench-counts",
                (m, e) -> m.merge(e.type(), 1L, Long::sum)), HashMap::new, clock);
        t0 = System.nanoTime();
        var result = runner.rebuild(RebuildListener.none());
        double rebuild = result.eventsRead() / secondsSince(t0);
        fill(report, "synchronized list append (1 thread)", baseline, single, batched, read, rebuild, 1, store.countAfter(0));
        store.close();
    }

    private void runPostgres(BenchReport report) {
        String schema = PostgresOptions.freshSchema("bench_es");
        try (HikariDataSource pool = pg.pool(schema); EventStore store = EventStore.postgres(pool, schema)) {
            steadyState(pool, schema, history);
            Duration d = Duration.ofSeconds(seconds);
            timed(threads, Duration.ofMillis(Math.min(1000, d.toMillis() / 2)), (t, i) -> singleAppend(store, t, i));
            double baseline = 0;
            double single = 0;
            TimedLoop.Result baseRuns = TimedLoop.Result.EMPTY;
            TimedLoop.Result singleRuns = TimedLoop.Result.EMPTY;
            for (int r = 0; r < rounds; r++) {
                TimedLoop.Result b = RawJdbcBaseline.insertTransactions(pool, threads, d);
                TimedLoop.Result s = TimedLoop.run("bench-es", threads, d, (t, i) -> singleAppend(store, t, i));
                baseline += b.opsPerSecond();
                single += s.opsPerSecond();
                baseRuns = baseRuns.plus(b);
                singleRuns = singleRuns.plus(s);
            }
            baseline /= rounds;
            single /= rounds;
            int batchThreads = Math.min(threads, Math.max(1, pg.poolSize() / 2));
            double batched = timed(batchThreads, d, (t, i) -> batchedAppend(store, t, i)) * batch;
            readAll(store); // warm-up pass (JIT, buffer cache)
            double read = Math.max(readAll(store), readAll(store));
            var runner = Projections.postgres(store, pool, schema, new CountsProjection(), 5_000);
            runner.rebuild(RebuildListener.none()); // warm-up rebuild
            long t0 = System.nanoTime();
            var result = runner.rebuild(RebuildListener.none());
            double rebuild = result.eventsRead() / secondsSince(t0);
            fill(report, "raw JDBC single-row INSERT transactions", baseline, single, batched, read, rebuild,
                    threads, store.countAfter(0));
            report.field("poolSize", pg.poolSize());
            report.field("clientCpuMicrosPerOp", Map.of("baseline", baseRuns.cpuMicrosPerOp(),
                    "singleAppend", singleRuns.cpuMicrosPerOp()));
            report.field("batchThreads", batchThreads);
            report.note("baseline: RawJdbcBaseline, " + threads + " threads, pool " + pg.poolSize() + "; single appends: 1 event"
                    + " per append (one INSERT...SELECT statement, auto-commit), same threads and pool;");
            report.note("batched: " + batch + " events per append on " + batchThreads + " threads; read all: pages of 5,000,"
                    + " best of 2 passes after a warm-up pass; rebuild: 5,000-event batches, one upsert per batch, after a"
                    + " warm-up rebuild; tables start with " + history + " past events / baseline rows (analysed);"
                    + " schema " + schema + " (dropped).");
        } finally {
            pg.dropSchema(schema);
        }
    }

    private void fill(BenchReport report, String baselineName, double baseline, double single, double batched,
                      double read, double rebuild, int writerThreads, long total) {
        double ratio = single / baseline;
        var eps = new LinkedHashMap<String, Object>();
        eps.put("singleAppend", single);
        eps.put("batchedAppend", batched);
        eps.put("readAll", read);
        eps.put("projectionRebuild", rebuild);
        report.field("backend", backend.name());
        report.field("eventsPerSecond", round(eps));
        report.field("baseline", round(new LinkedHashMap<>(Map.of("name", baselineName, "eventsPerSecond", baseline))));
        report.field("ratioToBaseline", ratio);
        report.field("threads", writerThreads);
        report.field("batchSize", batch);
        report.field("eventsInStore", total);
        boolean pgTargets = backend == Backend.postgres;
        if (pgTargets) {
            var meets = new LinkedHashMap<String, Object>();
            meets.put("singleAppendRatio", ratio >= TARGETS.get("singleAppendRatio"));
            meets.put("batchedAppend", batched >= TARGETS.get("batchedAppend"));
            meets.put("readAll", read >= TARGETS.get("readAll"));
            meets.put("projectionRebuild", rebuild >= TARGETS.get("projectionRebuild"));
            report.field("targets", new LinkedHashMap<>(TARGETS));
            report.field("meetsTargets", meets);
        }
        report.row("baseline: " + baselineName, BenchReport.perSecond(baseline), "100.0 %", "");
        report.row("singleAppend (" + writerThreads + " thread" + (writerThreads > 1 ? "s" : "") + ")",
                BenchReport.perSecond(single), BenchReport.percent(ratio), pgTargets ? ">= 70.0 %" : "");
        report.row("batchedAppend (" + batch + "/append)", BenchReport.perSecond(batched), "", pgTargets ? ">= 60,000/s" : "");
        report.row("readAll", BenchReport.perSecond(read), "", pgTargets ? ">= 500,000/s" : "");
        report.row("projectionRebuild", BenchReport.perSecond(rebuild), "", pgTargets ? ">= 100,000/s" : "");
    }

    private static Map<String, Object> round(Map<String, Object> m) {
        var out = new LinkedHashMap<String, Object>();
        m.forEach((k, v) -> out.put(k, v instanceof Double x ? Math.round(x * 100) / 100.0 : v));
        return out;
    }

    private static double readAll(EventStore store) {
        long t0 = System.nanoTime();
        long after = 0;
        long n = 0;
        List<RecordedEvent> page;
        while (!(page = store.readAll(after, 5_000)).isEmpty()) {
            n += page.size();
            after = page.get(page.size() - 1).position();
        }
        return n / secondsSince(t0);
    }

    private static void singleAppend(EventStore store, int thread, long i) {
        store.append("single-" + thread + "-" + (i % 64), ExpectedVersion.any(), envelope(Instant.now()));
    }

    private void batchedAppend(EventStore store, int thread, long i) {
        Instant now = Instant.now();
        var list = new ArrayList<EventEnvelope>(batch);
        for (int k = 0; k < batch; k++) {
            list.add(envelope(now));
        }
        store.append("batch-" + thread + "-" + i + "-" + eventId(), ExpectedVersion.noStream(), list);
    }

    /** Runs {@code op} on {@code threads} threads for {@code duration}; returns operations per second. */
    private static double timed(int threads, Duration duration, TimedLoop.Op op) {
        return TimedLoop.run("bench-es", threads, duration, op).opsPerSecond();
    }

    /**
     * Starts from a steady state rather than empty tables: {@code rows} past events (one
     * committed append, 10 events per stream, the benchmark's payload) in the store and as many
     * past rows in the baseline's table, then ANALYZE, so that the planner sees tables of
     * realistic size for the store and the baseline alike.
     */
    private static void steadyState(DataSource ds, String schema, int rows) {
        RawJdbcBaseline.prepare(ds, rows);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            if (rows > 0) {
                st.execute("INSERT INTO " + schema + ".events (position, event_id, stream_id, stream_version, event_type, "
                        + "payload, correlation_id, occurred_at) "
                        + "SELECT (CAST(CAST(pg_current_xact_id() AS text) AS bigint) << 20) + g, gen_random_uuid(), "
                        + "'history-' || ((g - 1) / 10), 1 + (g - 1) % 10, 'BenchEvent', CAST('" + PAYLOAD + "' AS json), 'bench', now() "
                        + "FROM generate_series(1, " + rows + ") g");
            }
            st.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("preparing the steady state: " + e.getMessage(), e);
        }
    }

    private static double secondsSince(long t0) {
        return Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
    }

    /** Counts events per type, one upsert per type per batch. */
    private static final class CountsProjection implements PostgresProjection {
        @Override
        public String name() {
            return "bench-counts";
        }

        @Override
        public List<String> tables() {
            return List.of("bench_counts");
        }

        @Override
        public void createTables(ReadModelTx tx) {
            tx.handle().execute("CREATE TABLE " + tx.table("bench_counts") + " (type text PRIMARY KEY, n bigint NOT NULL)");
        }

        @Override
        public void apply(ReadModelTx tx, RecordedEvent event) {
            applyBatch(tx, List.of(event));
        }

        @Override
        public void applyBatch(ReadModelTx tx, List<RecordedEvent> events) {
            var counts = new HashMap<String, Long>();
            events.forEach(e -> counts.merge(e.type(), 1L, Long::sum));
            String t = tx.table("bench_counts");
            counts.forEach((type, n) -> tx.handle().execute("INSERT INTO " + t + " VALUES (?, ?) ON CONFLICT (type) "
                    + "DO UPDATE SET n = " + t + ".n + EXCLUDED.n", type, n));
        }
    }
}
