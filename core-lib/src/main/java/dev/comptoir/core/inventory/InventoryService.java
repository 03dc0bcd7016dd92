package dev.comptoir.core.inventory;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.location.Locations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inventory use-cases over an {@link InventoryStore}: stock movements, reservations and their
 * expiry, stock levels and low-stock alerts. Time comes from the injected {@link Clock}.
 *
 * <pre>{@code
 * InventoryService inventory = new InventoryService(new InMemoryInventoryStore(), clock);
 * inventory.receive(ProductId.of(1), Locations.MONTREAL_CENTRE, 10, "po-17");
 * inventory.reserve(ReservationId.of(sagaId), "customer-4",
 *         List.of(ReservationLine.of(ProductId.of(1), Locations.MONTREAL_CENTRE, 2)));
 * inventory.confirm(ReservationId.of(sagaId));   // the 2 units leave the stock
 * inventory.expireDue();                          // step the expirer by hand
 * }</pre>
 *
 * <p>Thread-safe when its store is.
 */
public final class InventoryService {
    /** Reservation lifetime unless configured otherwise (reference: 10 minutes). */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

    private static final int EXPIRY_BATCH = 1_000;

    private final InventoryStore store;
    private final Clock clock;
    private final Duration ttl;

    public InventoryService(InventoryStore store, Clock clock) {
        this(store, clock, DEFAULT_TTL);
    }

    public InventoryService(InventoryStore store, Clock clock, Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be > 0, was " + ttl);
        }
    }

    /** The underlying port (for adapters and reports). */
    public InventoryStore store() {
        return store;
    }

    /** Starts tracking a product at a location with an alert threshold (idempotent; updates the threshold). */
    public void track(ProductId product, LocationId location, int alertThreshold) {
        requireLocation(location);
        if (alertThreshold < 0) {
            throw ComptoirException.invalid("seuil_alerte", "must be >= 0, was " + alertThreshold);
        }
        store.track(StockKey.of(product, location), alertThreshold);
    }

    /** Goods received: + on-hand (RECEIPT). */
    public void receive(ProductId product, LocationId location, long quantity, String reference) {
        requirePositive(quantity);
        apply(List.of(StockDelta.of(product, location, MovementKind.RECEIPT, quantity)), reference);
    }

    /** Manual correction (ADJUSTMENT), positive or negative; {@code reason} is required. */
    public void adjust(ProductId product, LocationId location, long delta, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ComptoirException.invalid("reason", "an adjustment needs a reason");
        }
        apply(List.of(StockDelta.of(product, location, MovementKind.ADJUSTMENT, delta)), reason);
    }

    /** Moves {@code quantity} units from one location to another (TRANSFER_OUT then TRANSFER_IN), atomically. */
    public void transfer(ProductId product, LocationId from, LocationId to, long quantity, String reference) {
        requirePositive(quantity);
        if (from.equals(to)) {
            throw ComptoirException.invalid("destination", "source and destination are the same location " + from);
        }
        apply(List.of(StockDelta.of(product, from, MovementKind.TRANSFER_OUT, -quantity),
                StockDelta.of(product, to, MovementKind.TRANSFER_IN, quantity)), reference);
    }

    /**
     * Applies several on-hand changes at once, all or none (e.g. the lines of a sale).
     * Insufficient stock on any line: a CONFLICT naming {@code stock}, and nothing is written.
     */
    public void apply(List<StockDelta> deltas, String reference) {
        Objects.requireNonNull(deltas, "deltas");
        if (deltas.isEmpty()) {
            throw ComptoirException.invalid("items", "at least one line is required");
        }
        for (StockDelta d : deltas) {
            requireLocation(d.key().location());
        }
        store.apply(List.copyOf(deltas), requireReference(reference), now());
    }

    /** Reserves with the default time-to-live. See {@link InventoryStore#reserve}. */
    public ReservationOutcome reserve(ReservationId id, String owner, List<ReservationLine> lines) {
        return reserve(id, owner, lines, ttl);
    }

    /** Reserves units for {@code owner} until now + {@code ttl}, all lines or none; idempotent by id. */
    public ReservationOutcome reserve(ReservationId id, String owner, List<ReservationLine> lines, Duration ttl) {
        Objects.requireNonNull(id, "id");
        if (owner == null || owner.isBlank()) {
            throw ComptoirException.invalid("customer_id", "an owner reference is required");
        }
        if (lines == null || lines.isEmpty()) {
            throw ComptoirException.invalid("items", "at least one line is required");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw ComptoirException.invalid("ttl", "must be > 0");
        }
        for (ReservationLine line : lines) {
            Objects.requireNonNull(line, "line");
            requireLocation(line.key().location());
        }
        Instant now = now();
        return store.reserve(Reservation.active(id, owner, lines, now, now.plus(ttl)));
    }

    /** Confirms a reservation: its units leave the stock. Idempotent. */
    public ReservationOutcome confirm(ReservationId id) {
        return store.confirm(Objects.requireNonNull(id, "id"), now());
    }

    /** Releases a reservation (compensation). Idempotent. */
    public ReservationOutcome release(ReservationId id) {
        return store.release(Objects.requireNonNull(id, "id"), now());
    }

    /** Releases every ACTIVE reservation whose expiry is at or before the clock's now; one step of the expirer. */
    public List<Reservation> expireDue() {
        return expireDue(now());
    }

    /** Releases every ACTIVE reservation whose expiry is at or before {@code now}. */
    public List<Reservation> expireDue(Instant now) {
        Objects.requireNonNull(now, "now");
        List<Reservation> all = new ArrayList<>();
        while (true) {
            List<Reservation> batch = store.expireDue(now, EXPIRY_BATCH);
            all.addAll(batch);
            if (batch.size() < EXPIRY_BATCH) {
                return all;
            }
        }
    }

    public Reservation reservation(ReservationId id) {
        return store.reservation(id).orElseThrow(() -> ComptoirException.notFound("reservation", id));
    }

    public Optional<StockLevel> level(ProductId product, LocationId location) {
        return store.level(StockKey.of(product, location));
    }

    /** Units available (0 for an untracked row). */
    public long available(ProductId product, LocationId location) {
        return level(product, location).map(StockLevel::available).orElse(0L);
    }

    public List<StockLevel> levelsAt(LocationId location) {
        requireLocation(location);
        return store.levelsAt(location);
    }

    public List<StockLevel> allLevels() {
        return store.allLevels();
    }

    /** Rows whose available quantity is at or below their threshold, at every location. */
    public List<StockLevel> lowStock() {
        return store.allLevels().stream().filter(StockLevel::isLow).toList();
    }

    /** Rows at or below their threshold at one location. */
    public List<StockLevel> lowStockAt(LocationId location) {
        return levelsAt(location).stream().filter(StockLevel::isLow).toList();
    }

    /** Journal rows of one row, oldest first (at most the newest {@code limit}). */
    public List<Movement> movements(ProductId product, LocationId location, int limit) {
        if (limit <= 0) {
            throw ComptoirException.invalid("limit", "must be > 0, was " + limit);
        }
        return store.movements(StockKey.of(product, location), limit);
    }

    /**
     * Checks the invariants against the journal: for every row Σ on-hand deltas == on-hand and
     * Σ reserved deltas == reserved (0 ≤ reserved ≤ on-hand holds by construction of {@link
     * StockLevel}). Returns the rows that disagree, empty when all is well.
     */
    public List<StockKey> verifyJournal() {
        Map<StockKey, JournalTotals> sums = store.recomputeFromJournal();
        List<StockKey> bad = new ArrayList<>();
        for (StockLevel level : store.allLevels()) {
            JournalTotals t = sums.getOrDefault(level.key(), JournalTotals.EMPTY);
            if (t.onHandDelta() != level.onHand() || t.reservedDelta() != level.reserved()) {
                bad.add(level.key());
            }
        }
        for (StockKey k : sums.keySet()) {
            if (store.level(k).isEmpty()) {
                bad.add(k);
            }
        }
        return bad;
    }

    /** The clock's instant at PostgreSQL's precision (microseconds), so stored and returned values agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireLocation(LocationId location) {
        Locations.require(Objects.requireNonNull(location, "location"));
    }

    private static void requirePositive(long quantity) {
        if (quantity <= 0) {
            throw ComptoirException.invalid("quantity", "must be > 0, was " + quantity);
        }
    }

    private static String requireReference(String reference) {
        if (reference == null || reference.isBlank()) {
            throw ComptoirException.invalid("reference", "a reference is required");
        }
        return reference;
    }
}
