package dev.comptoir.eventstore.internal;

import dev.comptoir.eventstore.AppendResult;
import dev.comptoir.eventstore.ConcurrencyConflictException;
import dev.comptoir.eventstore.EventEnvelope;
import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL event store. Global positions are {@code (xid << 20) + index}: the writing
 * transaction's id, then the event's index in the append. "Read all" only returns positions
 * below the oldest running transaction's id ({@code pg_snapshot_xmin}), so a transaction that
 * commits later can never insert a position below one a reader has already passed. See
 * {@code docs/adr/0001-eventstore-global-order.md}.
 *
 * <p>An append is one INSERT statement (auto-commit): the expected-version check, the version
 * numbering and the positions are computed inside it; when the stream's version is known (a new
 * stream, or the version this instance appended last) the statement inserts at the next version
 * without looking it up, and a stale guess collides with the unique (stream, version) index and
 * falls back to the lookup. Wake-ups for live subscribers are sent
 * with NOTIFY by a coalescing background notifier, outside the append's commit path.
 */
public final class PostgresEventStore implements EventStore {

    /** Bits of a position reserved for the index of an event inside one append. */
    public static final int INDEX_BITS = 20;
    private static final int MAX_BATCH = (1 << INDEX_BITS) - 1;
    private static final int MAX_ATTEMPTS = 20;
    private static final long NOTIFY_WINDOW_NANOS = 5_000_000L;
    /** First key of the shared advisory lock a listening store holds ("Comp"); the second is per channel. */
    private static final int LISTENER_LOCK_CLASS = 0x436f6d70;
    private static final long LISTENERS_RECHECK_NANOS = 1_000_000_000L;
    private static final String LISTENERS_SQL = "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND CAST(classid AS bigint) = ? AND CAST(objid AS bigint) = ? AND objsubid = 2)";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresEventStore.class);

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final String schema;
    private final String channel;
    private final String appendSql;
    private final String appendOneSql;
    private final String appendAtSql;
    private final String appendOneAtSql;
    private final StreamHeads heads = new StreamHeads();
    private final String readAllSql;
    private final String columns;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean notifyPending = new AtomicBoolean();
    /** Second key of the listeners' advisory lock: the channel's (non-negative) hash. */
    private final int listenerLockKey;
    /** When the last check found nobody listening (nanoTime); NOTIFYs are skipped for a second after. */
    private volatile long noListenersSince = System.nanoTime() - LISTENERS_RECHECK_NANOS;
    private final ExecutorService notifier;
    private volatile ListenLoop listenLoop;
    private volatile boolean closed;

    private PostgresEventStore(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.jdbi = PgSchema.jdbi(dataSource);
        this.channel = "comptoir_es_" + schema;
        this.listenerLockKey = channel.hashCode() & 0x7fffffff;
        String events = schema + ".events";
        this.columns = "position, event_id, stream_id, stream_version, event_type, payload::text, "
                + "correlation_id, causation_id, headers::text, occurred_at"; // binary once server-prepared
        this.appendSql = "WITH cur AS (SELECT coalesce(max(stream_version), 0) AS v FROM " + events
                + " WHERE stream_id = ?) "
                + "INSERT INTO " + events + " (position, event_id, stream_id, stream_version, event_type, payload, "
                + "correlation_id, causation_id, headers, occurred_at) "
                + "SELECT (CAST(CAST(pg_current_xact_id() AS text) AS bigint) << " + INDEX_BITS + ") + t.ord, "
                + "CAST(t.id AS uuid), ?, cur.v + t.ord, t.type, CAST(t.payload AS json), t.cid, t.caus, "
                + "CAST(t.headers AS json), CAST(t.ts AS timestamptz) "
                + "FROM cur, unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), "
                + "CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) "
                + "WITH ORDINALITY AS t(id, type, payload, cid, caus, headers, ts, ord) "
                + "WHERE ? OR cur.v = ? "
                + "RETURNING position, stream_version";
        this.appendOneSql = "WITH cur AS (SELECT coalesce(max(stream_version), 0) AS v FROM " + events
                + " WHERE stream_id = ?) "
                + "INSERT INTO " + events + " (position, event_id, stream_id, stream_version, event_type, payload, "
                + "correlation_id, causation_id, headers, occurred_at) "
                + "SELECT (CAST(CAST(pg_current_xact_id() AS text) AS bigint) << " + INDEX_BITS + ") + 1, "
                + "CAST(? AS uuid), ?, cur.v + 1, ?, CAST(? AS json), ?, ?, CAST(? AS json), CAST(? AS timestamptz) "
                + "FROM cur WHERE ? OR cur.v = ? "
                + "RETURNING position, stream_version";
        // The page is taken first (ordered primary-key range scan, LIMIT), then cut at the horizon:
        // the events below the horizon are a prefix of the page, so the result is the same as
        // "position > ? AND position < horizon ... LIMIT ?", but the planner cannot turn the
        // horizon's unknown selectivity into a bitmap scan + sort of every later event.
        // The same statements when the stream's current version is already known (a new stream, or
        // a version this store wrote or saw committed): no lookup; a wrong guess is a unique violation.
        this.appendAtSql = "INSERT INTO " + events + " (position, event_id, stream_id, stream_version, event_type, "
                + "payload, correlation_id, causation_id, headers, occurred_at) "
                + "SELECT (CAST(CAST(pg_current_xact_id() AS text) AS bigint) << " + INDEX_BITS + ") + t.ord, "
                + "CAST(t.id AS uuid), ?, ? + t.ord, t.type, CAST(t.payload AS json), t.cid, t.caus, "
                + "CAST(t.headers AS json), CAST(t.ts AS timestamptz) "
                + "FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), "
                + "CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) "
                + "WITH ORDINALITY AS t(id, type, payload, cid, caus, headers, ts, ord) "
                + "RETURNING position, stream_version";
        this.appendOneAtSql = "INSERT INTO " + events + " (position, event_id, stream_id, stream_version, event_type, "
                + "payload, correlation_id, causation_id, headers, occurred_at) "
                + "VALUES ((CAST(CAST(pg_current_xact_id() AS text) AS bigint) << " + INDEX_BITS + ") + 1, "
                + "CAST(? AS uuid), ?, ?, ?, CAST(? AS json), ?, ?, CAST(? AS json), CAST(? AS timestamptz)) "
                + "RETURNING position, stream_version";
        this.readAllSql = "SELECT " + columns + " FROM (SELECT * FROM " + events
                + " WHERE position > ? ORDER BY position LIMIT ?) e"
                + " WHERE position < (SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint) << "
                + INDEX_BITS + ") ORDER BY position"; // scalar subquery: the horizon is computed once, not per row
        this.notifier = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "eventstore-notify-" + schema);
            t.setDaemon(true);
            return t;
        });
    }

    /** Migrates {@code schema} and returns a store over it. */
    public static PostgresEventStore create(DataSource dataSource, String schema) {
        PgSchema.checkName(schema);
        PgSchema.migrate(dataSource, schema);
        return new PostgresEventStore(dataSource, schema);
    }

    /** The schema. */
    public String schema() {
        return schema;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<EventEnvelope> events) {
        Validation.append(streamId, expected, events);
        if (events.size() > MAX_BATCH) {
            throw EventStoreException.invalid("an append holds at most " + MAX_BATCH + " events, got " + events.size());
        }
        int n = events.size();
        Columns cols = new Columns(events);
        boolean any = expected instanceof ExpectedVersion.Any;
        long exp = switch (expected) {
            case ExpectedVersion.Any a -> 0;
            case ExpectedVersion.NoStream s -> 0;
            case ExpectedVersion.Exact x -> x.version();
        };
        // a stream version known to exist: versions are never removed, so appending right after it
        // either is right or collides with the unique (stream, version) index
        long known = switch (expected) {
            case ExpectedVersion.Any a -> heads.get(streamId);
            case ExpectedVersion.NoStream s -> 0;
            case ExpectedVersion.Exact x -> x.version() == 0 || heads.get(streamId) == x.version() ? x.version() : -1;
        };
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            List<long[]> rows;
            try {
                rows = insert(streamId, cols, any, exp, attempt == 1 ? known : -1);
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw EventStoreException.unavailable("appending to stream " + streamId, e);
                }
                rows = null;
            }
            if (rows != null && rows.size() == n) {
                rows.sort((a, b) -> Long.compare(a[0], b[0]));
                var positions = new ArrayList<Long>(n);
                rows.forEach(r -> positions.add(r[0]));
                long version = rows.get(n - 1)[1];
                heads.put(streamId, version);
                signalAppended();
                return new AppendResult.Appended(streamId, version, positions);
            }
            // nothing inserted: a duplicate, a version mismatch, or a racing writer (retry)
            var stored = findByIds(events);
            if (!stored.isEmpty()) {
                return Validation.duplicateOutcome(streamId, n, stored);
            }
            long current = streamVersion(streamId);
            if (!expected.matches(current)) {
                throw ConcurrencyConflictException.expected(streamId, expected, current);
            }
            // the stream moved between our statement and this check: try again
        }
        throw EventStoreException.unavailable("appending to stream " + streamId,
                new IllegalStateException("gave up after " + MAX_ATTEMPTS + " racing attempts"));
    }

    /**
     * The append statement with plain JDBC: it is the hot path, and JDBI's statement parsing and
     * caching cost more than the statement itself under concurrency.
     */
    private List<long[]> insert(String streamId, Columns cols, boolean any, long expected, long known)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            boolean one = cols.size() == 1;
            String sql = known >= 0 ? (one ? appendOneAtSql : appendAtSql) : (one ? appendOneSql : appendSql);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (known >= 0) {
                    // the statements with a known version: (one) id, stream, version, fields / (many) stream, version, arrays
                    if (one) {
                        ps.setString(i++, cols.ids[0]);
                        ps.setString(i++, streamId);
                        ps.setLong(i++, known + 1);
                        cols.bindFirstWithoutId(ps, i);
                    } else {
                        ps.setString(i++, streamId);
                        ps.setLong(i++, known);
                        cols.bindArrays(c, ps, i);
                    }
                } else {
                    // the statements with a lookup: stream (for the lookup), then (one) id, stream, fields
                    // / (many) stream, arrays; then the expected-version check
                    ps.setString(i++, streamId);
                    if (one) {
                        ps.setString(i++, cols.ids[0]);
                        ps.setString(i++, streamId);
                        i = cols.bindFirstWithoutId(ps, i);
                    } else {
                        ps.setString(i++, streamId);
                        i = cols.bindArrays(c, ps, i);
                    }
                    ps.setBoolean(i++, any);
                    ps.setLong(i, expected);
                }
                var rows = new ArrayList<long[]>(cols.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
                return rows;
            }
        }
    }

    /** The appended events column by column, as the append statements bind them. */
    private static final class Columns {
        final String[] ids;
        final String[] types;
        final String[] payloads;
        final String[] cids;
        final String[] causs;
        final String[] headers;
        final String[] tss;

        Columns(List<EventEnvelope> events) {
            int n = events.size();
            ids = new String[n];
            types = new String[n];
            payloads = new String[n];
            cids = new String[n];
            causs = new String[n];
            headers = new String[n];
            tss = new String[n];
            for (int i = 0; i < n; i++) {
                EventEnvelope e = events.get(i);
                ids[i] = e.eventId().toString();
                types[i] = e.type();
                payloads[i] = e.payload();
                cids[i] = e.metadata().correlationId();
                causs[i] = e.metadata().causationId();
                headers[i] = writeHeaders(e.metadata().headers());
                tss[i] = IsoInstants.format(e.metadata().timestamp());
            }
        }

        int size() {
            return ids.length;
        }

        /** Binds the seven columns as text arrays from parameter {@code at}; returns the next index. */
        int bindArrays(Connection c, PreparedStatement ps, int at) throws SQLException {
            for (String[] column : new String[][] {ids, types, payloads, cids, causs, headers, tss}) {
                ps.setArray(at++, c.createArrayOf("text", column));
            }
            return at;
        }

        /** Binds the only event's columns but its id (bound before the stream) from {@code at}; returns the next index. */
        int bindFirstWithoutId(PreparedStatement ps, int at) throws SQLException {
            for (String value : new String[] {types[0], payloads[0], cids[0], causs[0], headers[0], tss[0]}) {
                ps.setString(at++, value);
            }
            return at;
        }
    }

    private List<RecordedEvent> findByIds(List<EventEnvelope> events) {
        String[] ids = events.stream().map(e -> e.eventId().toString()).toArray(String[]::new);
        return query(h -> h.createQuery("SELECT " + columns + " FROM " + schema
                        + ".events WHERE event_id = ANY(CAST(:ids AS uuid[])) ORDER BY position")
                .bind("ids", ids).map(MAPPER).list(), "looking up event ids");
    }

    @Override
    public List<RecordedEvent> readStreamForward(String streamId, long fromVersion, int maxCount) {
        Validation.read(maxCount);
        return query(h -> h.createQuery("SELECT " + columns + " FROM " + schema
                        + ".events WHERE stream_id = :s AND stream_version >= :v ORDER BY stream_version LIMIT :n")
                .bind("s", streamId).bind("v", fromVersion).bind("n", maxCount).map(MAPPER).list(),
                "reading stream " + streamId);
    }

    @Override
    public List<RecordedEvent> readStreamBackward(String streamId, long fromVersion, int maxCount) {
        Validation.read(maxCount);
        return query(h -> h.createQuery("SELECT " + columns + " FROM " + schema
                        + ".events WHERE stream_id = :s AND stream_version <= :v ORDER BY stream_version DESC LIMIT :n")
                .bind("s", streamId).bind("v", fromVersion).bind("n", maxCount).map(MAPPER).list(),
                "reading stream " + streamId + " backward");
    }

    @Override
    public long streamVersion(String streamId) {
        return query(h -> h.createQuery("SELECT coalesce(max(stream_version), 0) FROM " + schema
                        + ".events WHERE stream_id = :s")
                .bind("s", streamId).mapTo(Long.class).one(), "reading the version of " + streamId);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
        Validation.read(maxCount);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(readAllSql)) {
            ps.setLong(1, afterPosition);
            ps.setInt(2, maxCount);
            var out = new ArrayList<RecordedEvent>(Math.min(maxCount, 1024));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw EventStoreException.unavailable("reading all events", e);
        }
    }

    @Override
    public long countAfter(long position) {
        return query(h -> h.createQuery("SELECT count(*) FROM " + schema + ".events WHERE position > :p "
                        + "AND position < (CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint) << "
                        + INDEX_BITS + ")")
                .bind("p", position).mapTo(Long.class).one(), "counting events");
    }

    @Override
    public AutoCloseable onAppended(Runnable listener) {
        listeners.add(listener);
        ensureListening();
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
        listeners.clear();
        notifier.shutdownNow();
        ListenLoop loop = listenLoop;
        if (loop != null) {
            loop.stop();
        }
    }

    private <T> T query(org.jdbi.v3.core.HandleCallback<T, RuntimeException> cb, String what) {
        try {
            return jdbi.withHandle(cb);
        } catch (JdbiException e) {
            throw EventStoreException.unavailable(what, e);
        }
    }

    private void signalAppended() {
        listeners.forEach(Runnable::run);
        if (!closed && System.nanoTime() - noListenersSince >= LISTENERS_RECHECK_NANOS
                && notifyPending.compareAndSet(false, true)) {
            try {
                notifier.execute(this::sendNotify);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                notifyPending.set(false);
            }
        }
    }

    /**
     * Sends one NOTIFY for the appends of the last few milliseconds, if anybody listens: every
     * listening store holds a shared advisory lock named after the channel on its LISTEN
     * connection, so a store whose channel has no listener in the whole cluster sends no NOTIFY
     * (a NOTIFY is a transaction of its own, with a transaction id and a commit flush) and asks
     * again at most once a second. A listener that starts in between is woken at the latest by
     * the next check or by its own fallback poll.
     */
    private void sendNotify() {
        notifyPending.set(false);
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            boolean anyone;
            try (PreparedStatement ps = c.prepareStatement(LISTENERS_SQL)) {
                ps.setLong(1, LISTENER_LOCK_CLASS);
                ps.setLong(2, listenerLockKey);
                try (ResultSet rs = ps.executeQuery()) {
                    anyone = rs.next() && rs.getBoolean(1);
                }
            }
            if (!anyone) {
                noListenersSince = System.nanoTime();
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("NOTIFY " + channel);
            }
        } catch (SQLException e) {
            LOG.debug("NOTIFY on {} failed; subscribers fall back to polling", channel, e);
        }
        // coalescing window: appends in the next few milliseconds share one NOTIFY
        java.util.concurrent.locks.LockSupport.parkNanos(NOTIFY_WINDOW_NANOS);
    }

    private synchronized void ensureListening() {
        if (listenLoop == null && !closed) {
            listenLoop = new ListenLoop();
            Thread t = new Thread(listenLoop, "eventstore-listen-" + schema);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Holds one connection with LISTEN and wakes the listeners on notifications. */
    private final class ListenLoop implements Runnable {
        private volatile boolean running = true;
        private volatile Thread thread;

        @Override
        public void run() {
            thread = Thread.currentThread();
            while (running && !closed) {
                try (Connection c = dataSource.getConnection()) {
                    if (!c.getAutoCommit()) {
                        c.setAutoCommit(true);
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("LISTEN " + channel);
                        // tells appending stores that somebody listens (see sendNotify)
                        s.execute("SELECT pg_advisory_lock_shared(" + LISTENER_LOCK_CLASS + ", " + listenerLockKey + ")");
                    }
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (running && !closed) {
                        var notes = pg.getNotifications(500);
                        if (notes != null && notes.length > 0) {
                            listeners.forEach(Runnable::run);
                        }
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("UNLISTEN " + channel);
                        s.execute("SELECT pg_advisory_unlock_shared(" + LISTENER_LOCK_CLASS + ", " + listenerLockKey + ")");
                    }
                } catch (SQLException e) {
                    if (!running || closed) {
                        return;
                    }
                    LOG.debug("LISTEN connection on {} failed; retrying", channel, e);
                    java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L);
                }
            }
        }

        void stop() {
            running = false;
        }
    }

    private static String writeHeaders(Map<String, String> headers) {
        return headers.isEmpty() ? null : HeadersJson.write(headers);
    }

    static Map<String, String> readHeaders(String json) {
        return HeadersJson.read(json);
    }

    private static RecordedEvent map(ResultSet rs) throws SQLException {
        return new RecordedEvent(rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4), rs.getLong(1),
                rs.getString(5), rs.getString(6),
                new EventMetadata(rs.getObject(10, java.time.OffsetDateTime.class).toInstant(), rs.getString(7),
                        rs.getString(8), readHeaders(rs.getString(9))));
    }

    private static final RowMapper<RecordedEvent> MAPPER = (rs, ctx) -> map(rs);

    /**
     * A lossy, bounded memory of committed stream versions (last append of this store per
     * stream): 16,384 slots, each stream may sit in either of two neighbouring slots of its
     * (mixed) hash, so that a few hundred busy streams practically never evict each other. A hit
     * lets an append skip the version lookup; a stale or missing entry only costs the lookup.
     */
    static final class StreamHeads {
        static final int SLOTS = 16_384;
        private final java.util.concurrent.atomic.AtomicReferenceArray<Head> slots =
                new java.util.concurrent.atomic.AtomicReferenceArray<>(SLOTS);

        private record Head(String streamId, long version) {
        }

        private static int slot(String streamId) {
            int h = streamId.hashCode() * 0x9E3779B9; // spread similar names over the table
            return (h ^ (h >>> 16)) & (SLOTS - 1);
        }

        /** The remembered version of {@code streamId}, or -1. */
        long get(String streamId) {
            int i = slot(streamId);
            Head h = slots.get(i);
            if (h != null && h.streamId().equals(streamId)) {
                return h.version();
            }
            h = slots.get(i ^ 1);
            return h != null && h.streamId().equals(streamId) ? h.version() : -1;
        }

        /** Remembers {@code version} as the last committed version of {@code streamId}. */
        void put(String streamId, long version) {
            int i = slot(streamId);
            Head a = slots.get(i);
            Head b = slots.get(i ^ 1);
            int target;
            if (a != null && a.streamId().equals(streamId)) {
                target = i;
            } else if (b != null && b.streamId().equals(streamId)) {
                target = i ^ 1;
            } else if (a == null) {
                target = i;
            } else if (b == null) {
                target = i ^ 1;
            } else {
                target = (version & 1) == 0 ? i : i ^ 1; // both taken by other streams: evict one
            }
            slots.set(target, new Head(streamId, version));
        }
    }

}
