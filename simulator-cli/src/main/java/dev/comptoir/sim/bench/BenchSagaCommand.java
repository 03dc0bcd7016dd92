package dev.comptoir.sim.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.comptoir.saga.SagaDefinition;
import dev.comptoir.saga.SagaEvent;
import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.SagaRuntime;
import dev.comptoir.saga.SagaState;
import dev.comptoir.saga.SagaStore;
import dev.comptoir.saga.Sagas;
import dev.comptoir.saga.StepOutcome;
import dev.comptoir.saga.spi.SagaRecord;
import dev.comptoir.saga.spi.SagaStorage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench saga}: 4-step sagas with no-op participants per second through saga-lib, in
 * memory (one thread, the caller drives the runtime) or on PostgreSQL (closed-loop starters,
 * worker threads advance the sagas), beside a raw JDBC baseline of single-row INSERT commits per
 * second measured on the same pool at the same concurrency. Commits are counted by wrapping the
 * store: every insert, every transition update and every claim that leased work is one
 * transaction. {@code ratioToLimit = sagasPerSecond / (baselineCommitsPerSecond / commitsPerSaga)}.
 */
@Command(name = "saga", mixinStandardHelpOptions = true,
        description = "4-step sagas per second (saga-lib), with commits per saga and the raw JDBC commit baseline.")
public final class BenchSagaCommand implements Callable<Integer> {

    /** Where the sagas live. */
    enum Backend { memory, postgres }

    /** The saga data of the benchmark. */
    record BenchData(int n) {
    }

    /** In-memory sagas per store. */
    private static final int BATCH = 50_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", description = "memory or postgres (default: ${DEFAULT-VALUE}).", defaultValue = "memory")
    Backend backend;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--sagas", description = "In-memory sagas to time (default: ${DEFAULT-VALUE}).", defaultValue = "300000")
    int sagas;

    @Option(names = "--threads", description = "Concurrent starters on PostgreSQL (default: ${DEFAULT-VALUE}).",
            defaultValue = "8")
    int threads;

    @Option(names = "--workers", description = "Runtime worker threads on PostgreSQL; 0 = each starter drives the "
            + "runtime itself with pollOnce() (default: ${DEFAULT-VALUE}).", defaultValue = "0")
    int workers;

    @Option(names = "--seconds", description = "Seconds per PostgreSQL measurement (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int seconds;

    @Option(names = "--rounds", description = "Alternating baseline/saga rounds on PostgreSQL (default: ${DEFAULT-VALUE}).",
            defaultValue = "4")
    int rounds;

    @Option(names = "--seed", description = "Seed for saga ids and jitter (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--history", description = "Past (completed) sagas with a journal row each, and past baseline "
            + "rows, the PostgreSQL tables start with, analysed (default: ${DEFAULT-VALUE}).", defaultValue = "200000")
    int history;

    @Mixin
    PostgresOptions pg;

    @Override
    public Integer call() {
        if (sagas <= 0 || threads <= 0 || seconds <= 0 || rounds <= 0 || workers < 0 || history < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--sagas, --threads, --seconds and --rounds must be > 0, --workers and --history >= 0");
        }
        BenchReport report = new BenchReport("bench saga — 4-step sagas, no-op participants")
                .header("backend", "sagas/s", "p50 ms", "p99 ms", "commits/saga", "vs limit");
        report.field("backend", backend.name());
        if (backend == Backend.memory) {
            runMemory(report);
        } else {
            runPostgres(report);
        }
        report.print(spec.commandLine().getOut(), json);
        return 0;
    }

    static SagaDefinition<BenchData> definition() {
        SagaDefinition.Builder<BenchData> b = SagaDefinition.builder("bench", 1, BenchData.class);
        return b.step("s1").invoke(ctx -> StepOutcome.success()).compensate(ctx -> StepOutcome.success())
                .step("s2").invoke(ctx -> StepOutcome.success()).compensate(ctx -> StepOutcome.success())
                .step("s3").invoke(ctx -> StepOutcome.success()).pivot()
                .step("s4").invoke(ctx -> StepOutcome.success()).retriable()
                .build();
    }

    // ------------------------------------------------------------------ memory

    private void runMemory(BenchReport report) {
        SagaDefinition<BenchData> def = definition();
        runMemorySagas(def, Math.min(sagas, 100_000), null, "w");            // warm-up on its own store
        System.gc();                                                          // start the timed run on a clean heap
        LatencyRecorder latencies = new LatencyRecorder(sagas);
        long commits = 0;
        long completed = 0;
        long start = System.nanoTime();
        for (int done = 0; done < sagas; done += BATCH) {
            // a fresh store per batch: the heap holds at most one batch of finished sagas, so the
            // figure measures the engine rather than the collector copying a growing live set
            CountingStorage storage = new CountingStorage(SagaStore.inMemory().storage());
            SagaRuntime runtime = runMemorySagas(def, Math.min(BATCH, sagas - done), latencies, "m" + done + "-",
                    storage);
            completed += runtime.countsByState().get(SagaState.COMPLETED);
            commits += storage.commits.sum();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (completed != sagas) {
            throw new IllegalStateException("only " + completed + " of " + sagas + " sagas completed");
        }
        double perSecond = sagas / secs;
        double commitsPerSaga = commits / (double) sagas;
        report.field("sagas", sagas);
        report.field("threads", 1);
        report.field("sagasPerSecond", perSecond);
        report.field("p50Millis", micros(latencies.percentileMillis(50)));
        report.field("p99Millis", micros(latencies.percentileMillis(99)));
        report.field("commitsPerSaga", commitsPerSaga);
        report.field("baselineCommitsPerSecond", null);
        report.field("ratioToLimit", null);
        report.row("memory (1 thread)", BenchReport.perSecond(perSecond), fmt(latencies.percentileMillis(50)),
                fmt(latencies.percentileMillis(99)), String.format("%.2f", commitsPerSaga), "");
        report.note("in memory: start + runUntilIdle per saga on one thread, system clock, a fresh store every "
                + BATCH + " sagas; store writes counted as commits.");
    }

    private SagaRuntime runMemorySagas(SagaDefinition<BenchData> def, int n, LatencyRecorder latencies, String prefix) {
        return runMemorySagas(def, n, latencies, prefix, SagaStore.inMemory().storage());
    }

    private SagaRuntime runMemorySagas(SagaDefinition<BenchData> def, int n, LatencyRecorder latencies, String prefix,
                                       SagaStorage storage) {
        SagaRuntime runtime = Sagas.runtime().store(SagaStore.of(storage)).clock(Clock.systemUTC())
                .random(new SplittableRandom(seed)).instanceId("bench").register(def).build();
        BenchData data = new BenchData(0);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            runtime.start(def, data, prefix + i);
            runtime.runUntilIdle();
            if (latencies != null) {
                latencies.record(System.nanoTime() - t0);
            }
        }
        return runtime;
    }

    // ------------------------------------------------------------------ postgres

    private void runPostgres(BenchReport report) {
        String schema = PostgresOptions.freshSchema("bench_saga");
        int workerThreads = workers;
        try (HikariDataSource pool = pg.pool(schema)) {
            SagaDefinition<BenchData> def = definition();
            CountingStorage storage = new CountingStorage(SagaStore.postgres(pool, schema).storage());
            Map<SagaId, CompletableFuture<SagaState>> done = new ConcurrentHashMap<>();
            SagaRuntime runtime = Sagas.runtime().store(SagaStore.of(storage)).clock(Clock.systemUTC())
                    .random(new SplittableRandom(seed)).instanceId("bench").register(def)
                    .batchSize(workerThreads == 0 ? 1 : 32)
                    .listener(e -> {
                        if (e instanceof SagaEvent.Finished f) {
                            done.computeIfAbsent(f.sagaId(), k -> new CompletableFuture<>()).complete(f.state());
                        }
                    })
                    .build();
            try {
                steadyState(pool, schema, history);
                if (workerThreads > 0) {
                    runtime.startWorkers(workerThreads);
                }
                Duration d = Duration.ofSeconds(seconds);
                Duration warm = Duration.ofMillis(Math.min(1500, d.toMillis() / 2));
                measureSagas(runtime, def, done, storage, warm, "w");
                double baseline = 0;
                long sagasDone = 0;
                long commits = 0;
                long claims = 0;
                long baseCpu = 0;
                long baseOps = 0;
                long sagaCpu = 0;
                double sagaSeconds = 0;
                LatencyRecorder latencies = new LatencyRecorder();
                for (int r = 0; r < rounds; r++) {
                    TimedLoop.Result base = RawJdbcBaseline.insertTransactions(pool, threads, d);
                    baseline += base.opsPerSecond();
                    baseCpu += base.cpuNanos();
                    baseOps += base.ops();
                    SagaRun run = measureSagas(runtime, def, done, storage, d, "r" + r);
                    sagasDone += run.sagas();
                    commits += run.commits();
                    claims += run.claims();
                    sagaCpu += run.cpuNanos();
                    sagaSeconds += run.seconds();
                    latencies.merge(run.latencies());
                }
                baseline /= rounds;
                double perSecond = sagasDone / sagaSeconds;
                double commitsPerSaga = commits / (double) sagasDone;
                double limit = baseline / commitsPerSaga;
                double ratio = perSecond / limit;
                report.field("sagas", sagasDone);
                report.field("threads", threads);
                report.field("workers", workerThreads);
                report.field("poolSize", pg.poolSize());
                report.field("sagasPerSecond", perSecond);
                report.field("p50Millis", latencies.percentileMillis(50));
                report.field("p99Millis", latencies.percentileMillis(99));
                report.field("commitsPerSaga", commitsPerSaga);
                report.field("claimStatementsPerSaga", claims / (double) sagasDone);
                report.field("baselineCommitsPerSecond", baseline);
                report.field("clientCpuMicrosPerCommit", java.util.Map.of("baseline", baseCpu / 1e3 / Math.max(1, baseOps),
                        "sagaLib", sagaCpu / 1e3 / Math.max(1, commits)));
                report.field("ratioToLimit", ratio);
                report.row("postgres raw JDBC baseline (" + threads + " threads)", BenchReport.perSecond(baseline)
                        + " commits", "", "", "1", "");
                report.row("postgres saga-lib (" + threads + " starters, "
                                + (workerThreads == 0 ? "starters drive" : workerThreads + " workers") + ")",
                        BenchReport.perSecond(perSecond), fmt(latencies.percentileMillis(50)),
                        fmt(latencies.percentileMillis(99)), String.format("%.2f", commitsPerSaga),
                        BenchReport.percent(ratio));
                report.note("limit = baseline commits/s ÷ commits per saga = " + BenchReport.perSecond(limit)
                        + " sagas; goal: ≥ 50 % of it, p99 < 50 ms.");
                report.note("closed loop: each starter starts a saga" + (workerThreads == 0 ? ", advances it with pollOnce()" : "")
                        + " and waits until it is COMPLETED; "
                        + rounds + " alternating rounds of " + seconds + " s; tables start with " + history
                        + " past sagas / baseline rows (analysed); pool " + pg.poolSize()
                        + ", schema " + schema + " (dropped).");
            } finally {
                runtime.close();
            }
        } finally {
            pg.dropSchema(schema);
        }
    }

    /**
     * Starts from a steady state rather than empty tables: {@code rows} completed sagas of the
     * benchmark's definition (with a 4-entry timeline) and one journal row each, and as many past
     * rows in the baseline's table, then ANALYZE, so that the planner sees tables of realistic size
     * for saga-lib and the baseline alike.
     */
    private static void steadyState(DataSource ds, String schema, int rows) {
        RawJdbcBaseline.prepare(ds, rows);
        StringBuilder timeline = new StringBuilder("[");
        for (String step : List.of("s1", "s2", "s3", "s4")) {
            timeline.append(timeline.length() > 1 ? "," : "").append("{\"step\":\"").append(step)
                    .append("\",\"direction\":\"ACTION\",\"state\":\"SUCCEEDED\",\"attempts\":1,")
                    .append("\"startedAt\":\"2026-01-01T00:00:00Z\",\"finishedAt\":\"2026-01-01T00:00:00Z\",")
                    .append("\"lastError\":null}");
        }
        timeline.append(']');
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            if (rows > 0) {
                st.execute("INSERT INTO " + schema + ".saga_instance (id, definition_name, definition_version, "
                        + "idempotency_key, state, step_index, attempt, awaiting_reply, data_type, data, timeline, "
                        + "created_at, updated_at, version) "
                        + "SELECT gen_random_uuid(), 'bench', 1, 'history-' || g, 'COMPLETED', 3, 1, false, '"
                        + BenchData.class.getName() + "', CAST('{\"n\":1}' AS jsonb), CAST('" + timeline
                        + "' AS jsonb), now(), now(), 5 FROM generate_series(1, " + rows + ") g");
                st.execute("INSERT INTO " + schema + ".saga_journal (saga_id, version, state, step_index, attempt, at, "
                        + "step, step_state) SELECT id, version, state, step_index, attempt, updated_at, 's4', "
                        + "'ACTION SUCCEEDED' FROM " + schema + ".saga_instance");
            }
            st.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("preparing the steady state: " + e.getMessage(), e);
        }
    }

    private record SagaRun(long sagas, long commits, long claims, double seconds, LatencyRecorder latencies,
                           long cpuNanos) {
    }

    private SagaRun measureSagas(SagaRuntime runtime, SagaDefinition<BenchData> def,
                                 Map<SagaId, CompletableFuture<SagaState>> done, CountingStorage storage,
                                 Duration duration, String prefix) {
        BenchData data = new BenchData(1);
        long commitsBefore = storage.commits.sum();
        long claimsBefore = storage.claims.sum();
        TimedLoop.Result run = TimedLoop.run("bench-saga-starter", threads, duration, (thread, i) -> {
            SagaId id = runtime.start(def, data, prefix + "-" + thread + "-" + i);
            CompletableFuture<SagaState> outcome = done.computeIfAbsent(id, k -> new CompletableFuture<>());
            if (workers == 0) {
                // The starters drive the runtime: each polls until its own saga has ended (another
                // starter's poll may have taken it, and its poll may have taken another's saga).
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!outcome.isDone() && System.nanoTime() < giveUp) {
                    if (runtime.pollOnce() == 0) {
                        try {
                            outcome.get(1, TimeUnit.MILLISECONDS);
                        } catch (java.util.concurrent.TimeoutException notYet) {
                            // poll again
                        }
                    }
                }
            }
            SagaState state = outcome.get(30, TimeUnit.SECONDS);
            done.remove(id);
            if (state != SagaState.COMPLETED) {
                throw new IllegalStateException("saga " + id + " ended " + state);
            }
        });
        return new SagaRun(run.ops(), storage.commits.sum() - commitsBefore, storage.claims.sum() - claimsBefore,
                run.seconds(), run.latencies(), run.cpuNanos());
    }

    /** Counts write transactions (inserts, transition updates, claims that leased work) on the way to a store. */
    static final class CountingStorage implements SagaStorage {
        final LongAdder commits = new LongAdder();
        /** Claim statements sent, whether they leased anything or not. */
        final LongAdder claims = new LongAdder();
        private final SagaStorage delegate;

        CountingStorage(SagaStorage delegate) {
            this.delegate = delegate;
        }

        @Override
        public SagaRecord insert(SagaRecord record) {
            commits.increment();
            return delegate.insert(record);
        }

        @Override
        public Optional<SagaRecord> find(SagaId id) {
            return delegate.find(id);
        }

        @Override
        public List<SagaRecord> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
            claims.increment();
            List<SagaRecord> claimed = delegate.claimDue(owner, now, leaseUntil, limit);
            if (!claimed.isEmpty()) {
                commits.increment();
            }
            return claimed;
        }

        @Override
        public boolean update(SagaRecord next, long expectedVersion) {
            commits.increment();
            return delegate.update(next, expectedVersion);
        }

        @Override
        public Map<SagaState, Long> countByState() {
            return delegate.countByState();
        }

        @Override
        public List<SagaRecord> findByState(SagaState state, int limit) {
            return delegate.findByState(state, limit);
        }
    }

    /** Milliseconds with 4 decimals (sub-microsecond latencies would round to 0.00). */
    private static java.math.BigDecimal micros(double millis) {
        return java.math.BigDecimal.valueOf(millis).setScale(4, java.math.RoundingMode.HALF_UP);
    }

    private static String fmt(double millis) {
        return String.format("%.3f", millis);
    }
}
