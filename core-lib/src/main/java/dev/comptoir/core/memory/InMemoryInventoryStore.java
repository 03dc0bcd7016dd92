package dev.comptoir.core.memory;

import dev.comptoir.core.ComptoirException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link InventoryStore} in memory, for tests and the simulator's embedded mode.
 *
 * <pre>{@code
 * InventoryService inventory = new InventoryService(new InMemoryInventoryStore(), clock);
 * }</pre>
 *
 * <p>Thread-safe: one lock guards everything, so every operation is atomic. The journal is
 * stored column by column in primitive arrays (see {@link InMemoryInventoryJournal}): about
 * 30 bytes a movement, so a simulation of millions of movements fits a small heap. Closed
 * reservations are kept for a retention period (clock time, default {@link
 * #DEFAULT_CLOSED_RETENTION}) so that repeats within it stay idempotent; each {@link
 * #expireDue} step forgets those closed longer ago (afterwards a repeat of their id is treated
 * as new). Quantities and product ids must fit in an {@code int}. For long runs the journal can
 * keep only its newest rows row by row ({@link #InMemoryInventoryStore(Duration, int)}): older
 * rows are folded into per-row totals, so {@link #recomputeFromJournal()} still sums every
 * movement ever made while {@link #movements} lists only the rows kept.
 */
public final class InMemoryInventoryStore implements InventoryStore {
    /** How long closed reservations are remembered unless configured otherwise. */
    public static final Duration DEFAULT_CLOSED_RETENTION = Duration.ofHours(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Duration closedRetention;
    /** Closed reservations in closing order, for cheap forgetting (no map lookup until one is due). */
    private final ArrayDeque<Reservation> closedOrder = new ArrayDeque<>();
    /** [onHand, reserved, threshold] per row. */
    private final HashMap<StockKey, long[]> stock = new HashMap<>(); // hashed: a tree walk per lookup cost more
    /** By the id's text (one pointer less to chase per lookup than by ReservationId). */
    private final Map<String, Reservation> reservations = new HashMap<>();
    private final PriorityQueue<Reservation> byExpiry =
            new PriorityQueue<>((a, b) -> a.expiresAt().compareTo(b.expiresAt()));
    private final InMemoryInventoryJournal journal;
    /** Listings come in (product, location) order. */
    private static final java.util.Comparator<StockLevel> BY_KEY = (a, b) -> a.key().compareTo(b.key());

    /** A store that remembers closed reservations for {@link #DEFAULT_CLOSED_RETENTION}. */
    public InMemoryInventoryStore() {
        this(DEFAULT_CLOSED_RETENTION);
    }

    /** A store that remembers closed reservations for {@code closedRetention} of clock time. */
    public InMemoryInventoryStore(Duration closedRetention) {
        this(closedRetention, Integer.MAX_VALUE);
    }

    /**
     * A store that remembers closed reservations for {@code closedRetention} and keeps at least the
     * newest {@code journalKeptRows} journal rows row by row (older ones are folded into totals).
     */
    public InMemoryInventoryStore(Duration closedRetention, int journalKeptRows) {
        this.closedRetention = Objects.requireNonNull(closedRetention, "closedRetention");
        if (closedRetention.isNegative()) {
            throw new IllegalArgumentException("closedRetention must be >= 0");
        }
        if (journalKeptRows < 1) {
            throw new IllegalArgumentException("journalKeptRows must be >= 1, was " + journalKeptRows);
        }
        this.journal = new InMemoryInventoryJournal(journalKeptRows);
    }

    @Override
    public void track(StockKey key, int alertThreshold) {
        lock.lock();
        try {
            stock.computeIfAbsent(key, k -> new long[3])[2] = alertThreshold;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void apply(List<StockDelta> deltas, String reference, Instant at) {
        lock.lock();
        try {
            Map<StockKey, Long> net = new LinkedHashMap<>();
            for (StockDelta d : deltas) {
                net.merge(d.key(), d.delta(), Long::sum);
            }
            for (StockDelta d : deltas) {
                requireFits(d.key(), d.delta());
            }
            for (Map.Entry<StockKey, Long> e : net.entrySet()) {
                if (e.getValue() < 0) {
                    long[] row = stock.get(e.getKey());
                    long available = row == null ? 0 : row[0] - row[1];
                    if (available + e.getValue() < 0) {
                        throw ComptoirException.insufficientStock(e.getKey().product(), e.getKey().location(),
                                available, -e.getValue());
                    }
                }
            }
            for (StockDelta d : deltas) {
                stock.computeIfAbsent(d.key(), k -> new long[3])[0] += d.delta();
                journal.append(d.kind(), d.key(), d.delta(), 0, reference, at);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ReservationOutcome reserve(Reservation reservation) {
        lock.lock();
        try {
            Reservation existing = reservations.get(reservation.id().value());
            if (existing != null) {
                if (!existing.sameRequestAs(reservation)) {
                    throw ComptoirException.conflict("reservation_id",
                            "reservation " + reservation.id() + " already exists with other lines or owner");
                }
                return new ReservationOutcome.Unchanged(existing);
            }
            Map<StockKey, Long> wanted = perKey(reservation);
            for (Map.Entry<StockKey, Long> e : wanted.entrySet()) {
                requireFits(e.getKey(), e.getValue());
                long[] row = stock.get(e.getKey());
                long available = row == null ? 0 : row[0] - row[1];
                if (available < e.getValue()) {
                    throw ComptoirException.insufficientStock(e.getKey().product(), e.getKey().location(),
                            available, e.getValue());
                }
            }
            for (Map.Entry<StockKey, Long> e : wanted.entrySet()) {
                stock.get(e.getKey())[1] += e.getValue();
                journal.append(MovementKind.RESERVATION, e.getKey(), 0, e.getValue(),
                        reservation.id().value(), reservation.createdAt());
            }
            reservations.put(reservation.id().value(), reservation);
            byExpiry.add(reservation);
            tidy(reservation.createdAt());
            return new ReservationOutcome.Applied(reservation);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ReservationOutcome confirm(ReservationId id, Instant at) {
        lock.lock();
        try {
            Reservation r = require(id);
            return switch (r.status()) {
                case ACTIVE -> new ReservationOutcome.Applied(close(r, ReservationStatus.CONFIRMED, at));
                case CONFIRMED -> new ReservationOutcome.Unchanged(r);
                case RELEASED, EXPIRED -> throw ComptoirException.invalidTransition("reservation " + id,
                        r.status(), ReservationStatus.CONFIRMED);
            };
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ReservationOutcome release(ReservationId id, Instant at) {
        lock.lock();
        try {
            Reservation r = require(id);
            return switch (r.status()) {
                case ACTIVE -> new ReservationOutcome.Applied(close(r, ReservationStatus.RELEASED, at));
                case RELEASED, EXPIRED -> new ReservationOutcome.Unchanged(r);
                case CONFIRMED -> throw ComptoirException.invalidTransition("reservation " + id,
                        r.status(), ReservationStatus.RELEASED);
            };
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Reservation> expireDue(Instant now, int limit) {
        lock.lock();
        try {
            List<Reservation> expired = new ArrayList<>();
            while (expired.size() < limit && !byExpiry.isEmpty() && !byExpiry.peek().expiresAt().isAfter(now)) {
                Reservation head = byExpiry.poll();
                Reservation current = reservations.get(head.id().value());
                if (current != null && current.status() == ReservationStatus.ACTIVE) {
                    expired.add(close(current, ReservationStatus.EXPIRED, now));
                }
            }
            forgetClosedBefore(now.minus(closedRetention));
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets reservations closed before {@code cutoff} (in closing order); returns how many. A
     * later repeat of their id is treated as new.
     */
    public int forgetClosedBefore(Instant cutoff) {
        lock.lock();
        try {
            int forgotten = 0;
            while (!closedOrder.isEmpty() && closedOrder.peekFirst().closedAt().isBefore(cutoff)) {
                Reservation closed = closedOrder.pollFirst();
                if (reservations.get(closed.id().value()) == closed) { // still the remembered, closed state
                    reservations.remove(closed.id().value());
                    forgotten++;
                }
            }
            return forgotten;
        } finally {
            lock.unlock();
        }
    }

    /** Reservations remembered (active and recently closed). */
    public int reservationCount() {
        lock.lock();
        try {
            return reservations.size();
        } finally {
            lock.unlock();
        }
    }

    /** Rows appended to the journal so far (kept row by row or folded into totals). */
    public int journalSize() {
        lock.lock();
        try {
            return journal.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Reservation> reservation(ReservationId id) {
        lock.lock();
        try {
            return Optional.ofNullable(reservations.get(id.value()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<StockLevel> level(StockKey key) {
        lock.lock();
        try {
            long[] row = stock.get(key);
            return row == null ? Optional.empty() : Optional.of(toLevel(key, row));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<StockLevel> levelsAt(LocationId location) {
        lock.lock();
        try {
            List<StockLevel> out = new ArrayList<>();
            stock.forEach((k, row) -> {
                if (k.location().equals(location)) {
                    out.add(toLevel(k, row));
                }
            });
            out.sort(BY_KEY);
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<StockLevel> allLevels() {
        lock.lock();
        try {
            List<StockLevel> out = new ArrayList<>(stock.size());
            stock.forEach((k, row) -> out.add(toLevel(k, row)));
            out.sort(BY_KEY);
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public JournalTotals journalTotals(MovementKind kind, LocationId location) {
        lock.lock();
        try {
            return journal.totals(kind, location);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<StockKey, JournalTotals> recomputeFromJournal() {
        lock.lock();
        try {
            return journal.recompute();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Movement> movements(StockKey key, int limit) {
        lock.lock();
        try {
            return journal.movements(key, limit);
        } finally {
            lock.unlock();
        }
    }

    private Reservation require(ReservationId id) {
        Reservation r = reservations.get(id.value());
        if (r == null) {
            throw ComptoirException.notFound("reservation", id);
        }
        return r;
    }

    private Reservation close(Reservation r, ReservationStatus status, Instant at) {
        MovementKind kind = switch (status) {
            case CONFIRMED -> MovementKind.CONFIRMATION;
            case RELEASED -> MovementKind.RELEASE;
            case EXPIRED -> MovementKind.EXPIRY;
            case ACTIVE -> throw new IllegalArgumentException("cannot close into ACTIVE");
        };
        for (Map.Entry<StockKey, Long> e : perKey(r).entrySet()) {
            long[] row = stock.get(e.getKey());
            long q = e.getValue();
            row[1] -= q;
            long onHand = 0;
            if (status == ReservationStatus.CONFIRMED) {
                row[0] -= q;
                onHand = -q;
            }
            journal.append(kind, e.getKey(), onHand, -q, r.id().value(), at);
        }
        Reservation closed = r.closed(status, at);
        reservations.put(r.id().value(), closed);
        closedOrder.addLast(closed);
        return closed;
    }

    /** Housekeeping on the way: drop queue heads already closed, forget reservations past retention. */
    private void tidy(Instant now) {
        while (!byExpiry.isEmpty()) {
            Reservation current = reservations.get(byExpiry.peek().id().value());
            if (current != null && current.status() == ReservationStatus.ACTIVE) {
                break;
            }
            byExpiry.poll();
        }
        if (!closedOrder.isEmpty()) {
            forgetClosedBefore(now.minus(closedRetention));
        }
    }

    private static void requireFits(StockKey key, long quantity) {
        if (!InMemoryInventoryJournal.fits(key, quantity)) {
            throw ComptoirException.invalid("quantity", "the in-memory inventory holds int quantities and product ids; "
                    + key + " x " + quantity + " does not fit");
        }
    }

    private static Map<StockKey, Long> perKey(Reservation r) {
        Map<StockKey, Long> m = new LinkedHashMap<>();
        for (ReservationLine line : r.lines()) {
            m.merge(line.key(), line.quantity(), Long::sum);
        }
        return m;
    }

    private static StockLevel toLevel(StockKey key, long[] row) {
        return new StockLevel(key, row[0], row[1], (int) row[2]);
    }
}
