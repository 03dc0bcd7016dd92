package dev.comptoir.core.postgres;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryStore;
import dev.comptoir.core.inventory.JournalTotals;
import dev.comptoir.core.inventory.Movement;
import dev.comptoir.core.inventory.MovementKind;
import dev.comptoir.core.inventory.Reservation;
import dev.comptoir.core.inventory.ReservationId;
import dev.comptoir.core.inventory.ReservationLine;
import dev.comptoir.core.inventory.ReservationOutcome;
import dev.comptoir.core.inventory.ReservationStatus;
import dev.comptoir.core.inventory.StockDelta;
import dev.comptoir.core.inventory.StockKey;
import dev.comptoir.core.inventory.StockLevel;
import dev.comptoir.core.location.LocationId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link InventoryStore} on PostgreSQL (tables of migration {@code V1__inventory.sql}).
 *
 * <pre>{@code
 * InventoryStore store = new PgInventoryStore(database.jdbi());
 * InventoryService inventory = new InventoryService(store, clock);
 * }</pre>
 *
 * <p>Stock changes are conditional updates, never read-modify-write: each operation is one
 * SQL statement (data-modifying CTEs: the conditional {@code UPDATE stock}, the reservation rows
 * and the journal {@code INSERT} together) in one transaction, so an operation costs one round
 * trip plus the commit. When the condition fails for any line the transaction is rolled back.
 * Thread-safe. Deadlocks and serialization failures are retried up to three times, then
 * surface as a transient {@link ComptoirException#unavailable}.
 */
public final class PgInventoryStore implements InventoryStore {

    /**
     * Reserve: the reservation row (if new; lines as arrays), the conditional stock update and the
     * journal rows, in one statement. Parameters: id, owner, created, expires, line products,
     * line locations, line quantities, then the same three per distinct (product, location).
     */
    static final String RESERVE_SQL = """
            WITH res AS (
                INSERT INTO reservations (id, owner, status, created_at, expires_at, product_ids, location_ids, quantities)
                VALUES (?, ?, 'ACTIVE', ?, ?, CAST(? AS bigint[]), CAST(? AS int[]), CAST(? AS bigint[]))
                ON CONFLICT (id) DO NOTHING
                RETURNING id, created_at),
            upd AS (
                UPDATE stock s SET reserved = s.reserved + a.q
                FROM res, unnest(CAST(? AS bigint[]), CAST(? AS int[]), CAST(? AS bigint[])) AS a(p, l, q)
                WHERE s.product_id = a.p AND s.location_id = a.l AND s.on_hand - s.reserved >= a.q
                RETURNING s.product_id, s.location_id, a.q, res.id, res.created_at),
            mv AS (
                INSERT INTO stock_movements (kind, product_id, location_id, on_hand_delta, reserved_delta, reference, at)
                SELECT 'RESERVATION', upd.product_id, upd.location_id, 0, upd.q, upd.id, upd.created_at FROM upd)
            SELECT (SELECT count(*) FROM res) AS created, (SELECT count(*) FROM upd) AS updated
            """;

    /**
     * Reserve with a single (product, location): as {@link #RESERVE_SQL} but the stock row is
     * named by scalar parameters, so the update goes through the primary key instead of joining
     * an array (which on a small, hot table plans as a sequential scan). Parameters: id, owner,
     * created, expires, line products, line locations, line quantities, product, location, quantity.
     */
    static final String RESERVE_ONE_SQL = """
            WITH res AS (
                INSERT INTO reservations (id, owner, status, created_at, expires_at, product_ids, location_ids, quantities)
                VALUES (?, ?, 'ACTIVE', ?, ?, CAST(? AS bigint[]), CAST(? AS int[]), CAST(? AS bigint[]))
                ON CONFLICT (id) DO NOTHING
                RETURNING id, created_at),
            a AS (SELECT CAST(? AS bigint) AS p, CAST(? AS int) AS l, CAST(? AS bigint) AS q),
            upd AS (
                UPDATE stock s SET reserved = s.reserved + a.q
                FROM res, a
                WHERE s.product_id = a.p AND s.location_id = a.l AND s.on_hand - s.reserved >= a.q
                RETURNING s.product_id, s.location_id, a.q, res.id, res.created_at),
            mv AS (
                INSERT INTO stock_movements (kind, product_id, location_id, on_hand_delta, reserved_delta, reference, at)
                SELECT 'RESERVATION', upd.product_id, upd.location_id, 0, upd.q, upd.id, upd.created_at FROM upd)
            SELECT (SELECT count(*) FROM res) AS created, (SELECT count(*) FROM upd) AS updated
            """;

    /**
     * Confirm / release one reservation in one statement: the status update guarded by {@code
     * status = 'ACTIVE'}, the stock update from its lines and the journal rows; also returns the
     * reservation as seen before the statement. Parameters: id, new status, journal kind, time,
     * on-hand factor (1 confirm, 0 release).
     */
    static final String CLOSE_ONE_SQL = """
            WITH p AS (
                SELECT CAST(? AS text) AS id, CAST(? AS text) AS status, CAST(? AS text) AS kind,
                       CAST(? AS timestamptz) AS at, CAST(? AS bigint) AS f),
            r AS (
                UPDATE reservations SET status = p.status, closed_at = p.at
                FROM p WHERE reservations.id = p.id AND reservations.status = 'ACTIVE'
                RETURNING reservations.product_ids, reservations.location_ids, reservations.quantities),
            l AS (
                SELECT v.p, v.l, CAST(sum(v.q) AS bigint) AS q
                FROM r, unnest(r.product_ids, r.location_ids, r.quantities) AS v(p, l, q)
                GROUP BY v.p, v.l),
            s AS (
                UPDATE stock SET on_hand = stock.on_hand - l.q * p.f, reserved = stock.reserved - l.q
                FROM l, p WHERE stock.product_id = l.p AND stock.location_id = l.l
                RETURNING stock.product_id, stock.location_id, l.q),
            mv AS (
                INSERT INTO stock_movements (kind, product_id, location_id, on_hand_delta, reserved_delta, reference, at)
                SELECT p.kind, s.product_id, s.location_id, -s.q * p.f, -s.q, p.id, p.at FROM s, p)
            SELECT (SELECT count(*) FROM r) AS changed, h.status, h.owner, h.created_at, h.expires_at, h.closed_at,
                   h.product_ids, h.location_ids, h.quantities
            FROM p LEFT JOIN reservations h ON h.id = p.id
            """;

    private static final String EXPIRE_SQL = """
            WITH r AS (
                UPDATE reservations SET status = 'EXPIRED', closed_at = :now
                WHERE id IN (SELECT id FROM reservations WHERE status = 'ACTIVE' AND expires_at <= :now
                             ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                  AND status = 'ACTIVE'
                RETURNING id, owner, created_at, expires_at, product_ids, location_ids, quantities),
            rl AS (
                SELECT r.id, v.p, v.l, CAST(sum(v.q) AS bigint) AS q
                FROM r, unnest(r.product_ids, r.location_ids, r.quantities) AS v(p, l, q)
                GROUP BY r.id, v.p, v.l),
            s AS (
                UPDATE stock SET reserved = stock.reserved - a.q
                FROM (SELECT p, l, sum(q) AS q FROM rl GROUP BY p, l) a
                WHERE stock.product_id = a.p AND stock.location_id = a.l
                RETURNING stock.product_id),
            mv AS (
                INSERT INTO stock_movements (kind, product_id, location_id, on_hand_delta, reserved_delta, reference, at)
                SELECT 'EXPIRY', rl.p, rl.l, 0, -rl.q, rl.id, :now FROM rl)
            SELECT id, owner, created_at, expires_at, product_ids, location_ids, quantities FROM r
            WHERE (SELECT count(*) FROM s) >= 0
            ORDER BY expires_at, id
            """;

    private static final String APPLY_SQL = """
            WITH v AS (
                SELECT * FROM unnest(CAST(:p AS bigint[]), CAST(:l AS int[]), CAST(:k AS text[]), CAST(:d AS bigint[]))
                     WITH ORDINALITY AS v(p, l, k, d, n)),
            agg AS (SELECT p, l, sum(d) AS d FROM v GROUP BY p, l),
            up AS (
                INSERT INTO stock AS s (product_id, location_id, on_hand)
                SELECT p, l, d FROM agg WHERE d > 0
                ON CONFLICT (product_id, location_id) DO UPDATE SET on_hand = s.on_hand + excluded.on_hand
                RETURNING 1),
            down AS (
                UPDATE stock s SET on_hand = s.on_hand + agg.d
                FROM agg
                WHERE agg.d < 0 AND s.product_id = agg.p AND s.location_id = agg.l AND s.on_hand - s.reserved + agg.d >= 0
                RETURNING 1),
            mv AS (
                INSERT INTO stock_movements (kind, product_id, location_id, on_hand_delta, reserved_delta, reference, at)
                SELECT v.k, v.p, v.l, v.d, 0, :ref, :at FROM v ORDER BY v.n)
            SELECT (SELECT count(*) FROM agg WHERE d < 0) AS needed, (SELECT count(*) FROM down) AS done,
                   (SELECT count(*) FROM up) AS raised
            """;

    private static final int ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final PgInventoryConnections connections;

    /** An adapter over {@code jdbi}; the hot path borrows plain JDBC connections from it. */
    public PgInventoryStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.connections = PgInventoryConnections.of(jdbi);
    }

    /** An adapter over a {@link PostgresDatabase}; the hot path takes connections straight from its pool. */
    public PgInventoryStore(PostgresDatabase database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.connections = PgInventoryConnections.of(database.dataSource());
    }

    @Override
    public void track(StockKey key, int alertThreshold) {
        retrying(() -> jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO stock (product_id, location_id, alert_threshold) VALUES (:p, :l, :t)
                        ON CONFLICT (product_id, location_id) DO UPDATE SET alert_threshold = excluded.alert_threshold""")
                .bind("p", key.product().value())
                .bind("l", key.location().value())
                .bind("t", alertThreshold)
                .execute()));
    }

    @Override
    public void apply(List<StockDelta> deltas, String reference, Instant at) {
        int n = deltas.size();
        List<Long> p = new ArrayList<>(n);
        List<Integer> l = new ArrayList<>(n);
        List<String> k = new ArrayList<>(n);
        List<Long> d = new ArrayList<>(n);
        for (StockDelta delta : deltas) {
            p.add(delta.key().product().value());
            l.add(delta.key().location().value());
            k.add(delta.kind().name());
            d.add(delta.delta());
        }
        boolean ok = retrying(() -> jdbi.inTransaction(h -> {
            long[] r = h.createQuery(APPLY_SQL)
                    .bindArray("p", Long.class, p)
                    .bindArray("l", Integer.class, l)
                    .bindArray("k", String.class, k)
                    .bindArray("d", Long.class, d)
                    .bind("ref", reference)
                    .bind("at", ts(at))
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .one();
            if (r[0] != r[1]) {
                h.rollback();
                return false;
            }
            return true;
        }));
        if (!ok) {
            Map<StockKey, Long> needed = new LinkedHashMap<>();
            for (StockDelta delta : deltas) {
                needed.merge(delta.key(), -delta.delta(), Long::sum);
            }
            throw shortage(needed);
        }
    }

    @Override
    public ReservationOutcome reserve(Reservation reservation) {
        Map<StockKey, Long> wanted = new LinkedHashMap<>();
        List<Long> lp = new ArrayList<>();
        List<Integer> ll = new ArrayList<>();
        List<Long> lq = new ArrayList<>();
        for (ReservationLine line : reservation.lines()) {
            wanted.merge(line.key(), line.quantity(), Long::sum);
            lp.add(line.key().product().value());
            ll.add(line.key().location().value());
            lq.add(line.quantity());
        }
        List<Long> ap = new ArrayList<>(wanted.size());
        List<Integer> al = new ArrayList<>(wanted.size());
        List<Long> aq = new ArrayList<>(wanted.size());
        wanted.forEach((key, q) -> {
            ap.add(key.product().value());
            al.add(key.location().value());
            aq.add(q);
        });
        String id = reservation.id().value();
        int result = retrying(() -> connections.inTransaction(c -> {
            boolean one = ap.size() == 1;
            try (PreparedStatement ps = c.prepareStatement(one ? RESERVE_ONE_SQL : RESERVE_SQL)) {
                ps.setString(1, id);
                ps.setString(2, reservation.owner());
                ps.setObject(3, ts(reservation.createdAt()));
                ps.setObject(4, ts(reservation.expiresAt()));
                ps.setArray(5, c.createArrayOf("bigint", lp.toArray()));
                ps.setArray(6, c.createArrayOf("integer", ll.toArray()));
                ps.setArray(7, c.createArrayOf("bigint", lq.toArray()));
                if (one) {
                    ps.setLong(8, ap.get(0));
                    ps.setInt(9, al.get(0));
                    ps.setLong(10, aq.get(0));
                } else {
                    ps.setArray(8, c.createArrayOf("bigint", ap.toArray()));
                    ps.setArray(9, c.createArrayOf("integer", al.toArray()));
                    ps.setArray(10, c.createArrayOf("bigint", aq.toArray()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return 0; // exists already; nothing written
                    }
                    return rs.getLong(2) == wanted.size() ? 1 : -1; // -1: rolled back by the caller
                }
            }
        }, r -> r >= 0));
        if (result == 1) {
            return new ReservationOutcome.Applied(reservation);
        }
        if (result == -1) {
            throw shortage(wanted);
        }
        Reservation existing = reservation(reservation.id()).orElseThrow(
                () -> ComptoirException.unavailable("reservation " + id + " vanished during reserve", null));
        if (!existing.sameRequestAs(reservation)) {
            throw ComptoirException.conflict("reservation_id",
                    "reservation " + id + " already exists with other lines or owner");
        }
        return new ReservationOutcome.Unchanged(existing);
    }

    @Override
    public ReservationOutcome confirm(ReservationId id, Instant at) {
        return close(id, ReservationStatus.CONFIRMED, MovementKind.CONFIRMATION, 1, at);
    }

    @Override
    public ReservationOutcome release(ReservationId id, Instant at) {
        return close(id, ReservationStatus.RELEASED, MovementKind.RELEASE, 0, at);
    }

    private ReservationOutcome close(ReservationId id, ReservationStatus target, MovementKind kind, int onHandFactor,
                                     Instant at) {
        // One statement in autocommit: atomic on its own and a single round trip. The reservation
        // columns it returns are those seen before the statement.
        for (int race = 0; ; race++) {
            Closed c = retrying(() -> connections.autocommit(conn -> {
                try (PreparedStatement ps = conn.prepareStatement(CLOSE_ONE_SQL)) {
                    ps.setString(1, id.value());
                    ps.setString(2, target.name());
                    ps.setString(3, kind.name());
                    ps.setObject(4, ts(at));
                    ps.setLong(5, onHandFactor);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return closed(rs, id);
                    }
                }
            }));
            if (c.before() == null) {
                throw ComptoirException.notFound("reservation", id);
            }
            if (c.changed()) {
                return new ReservationOutcome.Applied(c.before().closed(target, at));
            }
            Reservation current = c.before();
            switch (current.status()) {
                case ACTIVE -> {
                    // a concurrent writer closed it while we waited for its row lock: look again
                    if (race >= ATTEMPTS) {
                        throw ComptoirException.unavailable("reservation " + id + " kept changing under us", null);
                    }
                }
                case CONFIRMED -> {
                    if (target == ReservationStatus.CONFIRMED) {
                        return new ReservationOutcome.Unchanged(current);
                    }
                    throw ComptoirException.invalidTransition("reservation " + id, current.status(), target);
                }
                case RELEASED, EXPIRED -> {
                    if (target == ReservationStatus.RELEASED) {
                        return new ReservationOutcome.Unchanged(current);
                    }
                    throw ComptoirException.invalidTransition("reservation " + id, current.status(), target);
                }
            }
        }
    }

    private record Closed(boolean changed, Reservation before) {}

    private static Closed closed(ResultSet rs, ReservationId id) throws SQLException {
        boolean changed = rs.getLong(1) == 1;
        String status = rs.getString(2);
        if (status == null) {
            return new Closed(false, null);
        }
        return new Closed(changed, new Reservation(id, rs.getString(3), lines(rs, 7), instant(rs, 4), instant(rs, 5),
                ReservationStatus.valueOf(status), instant(rs, 6)));
    }

    /** The lines kept as three parallel arrays starting at {@code column}. */
    private static List<ReservationLine> lines(ResultSet rs, int column) throws SQLException {
        Long[] p = (Long[]) rs.getArray(column).getArray();
        Integer[] l = (Integer[]) rs.getArray(column + 1).getArray();
        Long[] q = (Long[]) rs.getArray(column + 2).getArray();
        List<ReservationLine> lines = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            lines.add(ReservationLine.of(ProductId.of(p[i]), LocationId.of(l[i]), q[i]));
        }
        return lines;
    }

    @Override
    public List<Reservation> expireDue(Instant now, int limit) {
        return retrying(() -> jdbi.inTransaction(h -> h.createQuery(EXPIRE_SQL)
                .bind("now", ts(now))
                .bind("limit", limit)
                .map((rs, ctx) -> new Reservation(ReservationId.of(rs.getString(1)), rs.getString(2), lines(rs, 5),
                        instant(rs, 3), instant(rs, 4), ReservationStatus.EXPIRED, now))
                .list()));
    }

    @Override
    public Optional<Reservation> reservation(ReservationId id) {
        return retrying(() -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT owner, status, created_at, expires_at, closed_at, product_ids, location_ids, quantities
                        FROM reservations WHERE id = :id""")
                .bind("id", id.value())
                .map((rs, ctx) -> new Reservation(id, rs.getString(1), lines(rs, 6), instant(rs, 3), instant(rs, 4),
                        ReservationStatus.valueOf(rs.getString(2)), instant(rs, 5)))
                .findOne()));
    }

    @Override
    public Optional<StockLevel> level(StockKey key) {
        return retrying(() -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT product_id, location_id, on_hand, reserved, alert_threshold FROM stock
                        WHERE product_id = :p AND location_id = :l""")
                .bind("p", key.product().value())
                .bind("l", key.location().value())
                .map((rs, ctx) -> level(rs))
                .findOne()));
    }

    @Override
    public List<StockLevel> levelsAt(LocationId location) {
        return retrying(() -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT product_id, location_id, on_hand, reserved, alert_threshold FROM stock
                        WHERE location_id = :l ORDER BY product_id""")
                .bind("l", location.value())
                .map((rs, ctx) -> level(rs))
                .list()));
    }

    @Override
    public List<StockLevel> allLevels() {
        return retrying(() -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT product_id, location_id, on_hand, reserved, alert_threshold FROM stock
                        ORDER BY product_id, location_id""")
                .map((rs, ctx) -> level(rs))
                .list()));
    }

    @Override
    public JournalTotals journalTotals(MovementKind kind, LocationId location) {
        return retrying(() -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*), coalesce(sum(on_hand_delta), 0), coalesce(sum(reserved_delta), 0)
                        FROM stock_movements WHERE kind = :k AND location_id = :l""")
                .bind("k", kind.name())
                .bind("l", location.value())
                .map((rs, ctx) -> new JournalTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .one()));
    }

    @Override
    public Map<StockKey, JournalTotals> recomputeFromJournal() {
        return retrying(() -> jdbi.withHandle(h -> {
            Map<StockKey, JournalTotals> out = new HashMap<>();
            h.createQuery("""
                            SELECT product_id, location_id, count(*), sum(on_hand_delta), sum(reserved_delta)
                            FROM stock_movements GROUP BY product_id, location_id""")
                    .map((rs, ctx) -> out.put(StockKey.of(ProductId.of(rs.getLong(1)), LocationId.of(rs.getInt(2))),
                            new JournalTotals(rs.getLong(3), rs.getLong(4), rs.getLong(5))))
                    .list();
            return out;
        }));
    }

    @Override
    public List<Movement> movements(StockKey key, int limit) {
        List<Movement> newestFirst = retrying(() -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, kind, on_hand_delta, reserved_delta, reference, at FROM stock_movements
                        WHERE product_id = :p AND location_id = :l ORDER BY id DESC LIMIT :limit""")
                .bind("p", key.product().value())
                .bind("l", key.location().value())
                .bind("limit", limit)
                .map((rs, ctx) -> new Movement(rs.getLong(1), MovementKind.valueOf(rs.getString(2)), key,
                        rs.getLong(3), rs.getLong(4), rs.getString(5), instant(rs, 6)))
                .list()));
        List<Movement> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    private ComptoirException shortage(Map<StockKey, Long> wanted) {
        for (Map.Entry<StockKey, Long> e : wanted.entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            long available = level(e.getKey()).map(StockLevel::available).orElse(0L);
            if (available < e.getValue()) {
                return ComptoirException.insufficientStock(e.getKey().product(), e.getKey().location(), available,
                        e.getValue());
            }
        }
        Map.Entry<StockKey, Long> first = wanted.entrySet().stream().filter(e -> e.getValue() > 0).findFirst()
                .orElseThrow();
        // a concurrent writer freed stock after our attempt failed: still report the shortage we met
        return ComptoirException.insufficientStock(first.getKey().product(), first.getKey().location(), -1,
                first.getValue());
    }

    private static StockLevel level(ResultSet rs) throws SQLException {
        return new StockLevel(StockKey.of(ProductId.of(rs.getLong(1)), LocationId.of(rs.getInt(2))),
                rs.getLong(3), rs.getLong(4), rs.getInt(5));
    }

    static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private interface Work<T> {
        T run();
    }

    /** Runs {@code work}, retrying deadlocks and serialization failures; maps database faults to UNAVAILABLE. */
    static <T> T retrying(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (JdbiException | PgInventoryConnections.SqlFailure e) {
                String state = sqlState(e);
                boolean retryable = "40P01".equals(state) || "40001".equals(state);
                if (!retryable || attempt >= ATTEMPTS) {
                    throw ComptoirException.unavailable("inventory database operation failed (SQLSTATE " + state + ")", e);
                }
            }
        }
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }
}
