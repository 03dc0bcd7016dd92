package dev.comptoir.eventstore.projection;

import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.internal.BackgroundPoller;
import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.internal.PgSchema;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a {@link PostgresProjection}: each batch is one transaction holding the projection's row
 * of the {@code projections} table (FOR UPDATE), the read-model writes and the new checkpoint.
 */
final class PostgresProjectionRunner implements ProjectionRunner {

    private final EventStore store;
    private final Jdbi jdbi;
    private final String schema;
    private final PostgresProjection projection;
    private final int batchSize;
    private final BackgroundPoller poller = new BackgroundPoller();

    private PostgresProjectionRunner(EventStore store, Jdbi jdbi, String schema, PostgresProjection projection, int batchSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.jdbi = jdbi;
        this.schema = schema;
        this.projection = Objects.requireNonNull(projection, "projection");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    static PostgresProjectionRunner create(EventStore store, DataSource ds, String schema, PostgresProjection p, int batchSize) {
        PgSchema.checkName(schema);
        PgSchema.migrate(ds, schema);
        for (String t : p.tables()) {
            PgSchema.checkName(t);
        }
        var runner = new PostgresProjectionRunner(store, PgSchema.jdbi(ds), schema, p, batchSize);
        runner.init();
        return runner;
    }

    private Map<String, String> tables(String suffix) {
        var m = new LinkedHashMap<String, String>();
        for (String t : projection.tables()) {
            m.put(t, schema + "." + t + suffix);
        }
        return m;
    }

    private void init() {
        tx(h -> {
            h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", schema + "." + projection.name());
            boolean exists = h.createQuery("SELECT count(*) FROM " + schema + ".projections WHERE name = :n")
                    .bind("n", projection.name()).mapTo(Long.class).one() > 0;
            if (!exists) {
                createTables(h, "_g1");
                pointViews(h, 1);
                h.createUpdate("INSERT INTO " + schema + ".projections (name, generation, position) VALUES (:n, 1, 0)")
                        .bind("n", projection.name()).execute();
            }
            return null;
        }, "initialising projection " + projection.name());
    }

    private void createTables(Handle h, String suffix) {
        for (String physical : tables(suffix).values()) {
            h.execute("DROP TABLE IF EXISTS " + physical + " CASCADE");
        }
        projection.createTables(new ReadModelTx(h, tables(suffix)));
    }

    private void dropTables(Handle h, String suffix) {
        for (String physical : tables(suffix).values()) {
            h.execute("DROP TABLE IF EXISTS " + physical);
        }
    }

    private void pointViews(Handle h, int generation) {
        for (var t : tables("_g" + generation).entrySet()) {
            h.execute("DROP VIEW IF EXISTS " + schema + "." + t.getKey());
            h.execute("CREATE VIEW " + schema + "." + t.getKey() + " AS SELECT * FROM " + t.getValue());
        }
    }

    private record Row(int generation, long position) {
    }

    private Row row(Handle h, String lock) {
        return h.createQuery("SELECT generation, position FROM " + schema + ".projections WHERE name = :n " + lock)
                .bind("n", projection.name())
                .map((rs, ctx) -> new Row(rs.getInt(1), rs.getLong(2))).one();
    }

    private void applyAll(ReadModelTx target, List<RecordedEvent> events) {
        var handled = new ArrayList<RecordedEvent>(events.size());
        for (RecordedEvent e : events) {
            if (projection.handles(e.type())) {
                handled.add(e);
            }
        }
        if (!handled.isEmpty()) {
            projection.applyBatch(target, handled);
        }
    }

    @Override
    public synchronized int pollOnce() {
        try {
            return applyBatch(batchSize);
        } catch (RuntimeException batchFailure) {
            // isolate the failing event: commit the events before it one by one, keep the error
            int applied = 0;
            for (int i = 0; i < batchSize; i++) {
                int n;
                try {
                    n = applyBatch(1);
                } catch (RuntimeException failure) {
                    recordError(failure); // visible in status(); the next poll retries this event
                    return applied;
                }
                if (n == 0) {
                    break;
                }
                applied += n;
            }
            return applied;
        }
    }

    private int applyBatch(int limit) {
        return tx(h -> {
            Row r = row(h, "FOR UPDATE");
            List<RecordedEvent> batch = store.readAll(r.position(), limit);
            if (batch.isEmpty()) {
                return 0;
            }
            applyAll(new ReadModelTx(h, tables("_g" + r.generation())), batch);
            h.createUpdate("UPDATE " + schema + ".projections SET position = :p, last_error = NULL, "
                            + "last_error_at = NULL, updated_at = now() WHERE name = :n")
                    .bind("p", batch.get(batch.size() - 1).position()).bind("n", projection.name()).execute();
            return batch.size();
        }, "projecting " + projection.name());
    }

    private void recordError(Throwable failure) {
        try {
            jdbi.useHandle(h -> h.createUpdate("UPDATE " + schema + ".projections SET last_error = :e, "
                            + "last_error_at = now() WHERE name = :n")
                    .bind("e", String.valueOf(failure)).bind("n", projection.name()).execute());
        } catch (JdbiException ignored) {
            // the database is down: the caller sees the failure anyway
        }
    }

    @Override
    public ProjectionStatus status() {
        record S(long position, String error, OffsetDateTime at) {
        }
        S s = tx(h -> h.createQuery("SELECT position, last_error, last_error_at FROM " + schema
                        + ".projections WHERE name = :n")
                .bind("n", projection.name())
                .map((rs, ctx) -> new S(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .one(), "reading the status of " + projection.name());
        return new ProjectionStatus(projection.name(), s.position(), store.countAfter(s.position()), s.error(),
                s.at() == null ? null : s.at().toInstant());
    }

    @Override
    public RebuildResult rebuild(RebuildListener listener) {
        int current = tx(h -> row(h, "").generation(), "reading generation");
        int next = current + 1;
        String suffix = "_g" + next;
        tx(h -> {
            createTables(h, suffix);
            return null;
        }, "creating tables for generation " + next);
        long total = store.countAfter(0);
        long pos = 0;
        long read = 0;
        while (true) {
            var batch = store.readAll(pos, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            tx(h -> {
                applyAll(new ReadModelTx(h, tables(suffix)), batch);
                return null;
            }, "rebuilding " + projection.name());
            pos = batch.get(batch.size() - 1).position();
            read += batch.size();
            listener.progress(read, Math.max(total, read));
        }
        long fromPos = pos;
        long readSoFar = read;
        RebuildResult result;
        synchronized (this) {
            result = tx(h -> {
                row(h, "FOR UPDATE"); // the live runners wait while we catch up and switch
                long p = fromPos;
                long count = readSoFar;
                List<RecordedEvent> batch;
                while (!(batch = store.readAll(p, batchSize)).isEmpty()) {
                    applyAll(new ReadModelTx(h, tables(suffix)), batch);
                    p = batch.get(batch.size() - 1).position();
                    count += batch.size();
                }
                pointViews(h, next);
                h.createUpdate("UPDATE " + schema + ".projections SET generation = :g, position = :p, "
                                + "last_error = NULL, last_error_at = NULL, updated_at = now() WHERE name = :n")
                        .bind("g", next).bind("p", p).bind("n", projection.name()).execute();
                return new RebuildResult(count, p, next);
            }, "switching " + projection.name() + " to generation " + next);
        }
        tx(h -> {
            dropTables(h, "_g" + current);
            return null;
        }, "dropping generation " + current);
        listener.progress(result.eventsRead(), result.eventsRead());
        return result;
    }

    @Override
    public synchronized CheckResult check() {
        String suffix = "_chk";
        tx(h -> {
            createTables(h, suffix);
            return null;
        }, "creating check tables");
        try {
            return tx(h -> {
                Row live = row(h, "FOR SHARE");
                long pos = 0;
                outer:
                while (true) {
                    var batch = store.readAll(pos, batchSize);
                    var upTo = new ArrayList<RecordedEvent>();
                    for (RecordedEvent e : batch) {
                        if (e.position() > live.position()) {
                            break;
                        }
                        upTo.add(e);
                    }
                    if (!upTo.isEmpty()) {
                        applyAll(new ReadModelTx(h, tables(suffix)), upTo);
                        pos = upTo.get(upTo.size() - 1).position();
                    }
                    if (upTo.size() < batch.size() || batch.size() < batchSize) {
                        break outer;
                    }
                }
                var differences = new ArrayList<String>();
                var liveTables = tables("_g" + live.generation());
                for (var t : tables(suffix).entrySet()) {
                    String l = liveTables.get(t.getKey());
                    long onlyLive = h.createQuery("SELECT count(*) FROM (SELECT * FROM " + l + " EXCEPT ALL SELECT * FROM "
                            + t.getValue() + ") d").mapTo(Long.class).one();
                    long onlyRebuilt = h.createQuery("SELECT count(*) FROM (SELECT * FROM " + t.getValue()
                            + " EXCEPT ALL SELECT * FROM " + l + ") d").mapTo(Long.class).one();
                    if (onlyLive + onlyRebuilt > 0) {
                        differences.add(t.getKey() + ": " + onlyLive + " rows only live, " + onlyRebuilt + " only rebuilt");
                    }
                }
                return differences.isEmpty() ? new CheckResult.Consistent(live.position())
                        : new CheckResult.Diverged(live.position(), differences);
            }, "checking " + projection.name());
        } finally {
            tx(h -> {
                dropTables(h, suffix);
                return null;
            }, "dropping check tables");
        }
    }

    @Override
    public void start(ThreadFactory threads, Duration maxIdle) {
        poller.start(store, threads, maxIdle, this::pollOnce, e -> { }); // pollOnce records errors in status()
    }

    @Override
    public void close() {
        poller.stop();
    }

    private <T> T tx(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work, String what) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw EventStoreException.unavailable(what, e);
        }
    }
}
