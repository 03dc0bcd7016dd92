package dev.comptoir.core.inventory;

import dev.comptoir.core.location.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: where stock, reservations and the movement journal live.
 *
 * <p>Every writing method is atomic (all of its lines or none) and thread-safe, keeps
 * {@code 0 ≤ reserved ≤ onHand} for every row, and appends one journal row per changed
 * (product, location) per kind so that Σ on-hand deltas == on-hand and Σ reserved deltas ==
 * reserved. Input is already validated by {@link InventoryService}; a store only enforces the
 * stock rules (insufficient stock, reservation transitions) with a {@link
 * dev.comptoir.core.ComptoirException}. Implementations: {@code InMemoryInventoryStore},
 * {@code PgInventoryStore}.
 */
public interface InventoryStore {

    /** Creates the stock row (0 on hand) if absent and sets its alert threshold. */
    void track(StockKey key, int alertThreshold);

    /**
     * Applies on-hand changes all-or-nothing. A positive delta creates a missing row (threshold 0);
     * a negative one needs that many units available, else a CONFLICT naming {@code stock}.
     */
    void apply(List<StockDelta> deltas, String reference, Instant at);

    /**
     * Holds the units of an ACTIVE reservation, all lines or none. Same id again: {@link
     * ReservationOutcome.Unchanged} with the stored reservation when it asks for the same
     * units, a CONFLICT naming {@code reservation_id} otherwise.
     */
    ReservationOutcome reserve(Reservation reservation);

    /**
     * ACTIVE → CONFIRMED (units leave on-hand and reserved). Already CONFIRMED: Unchanged;
     * RELEASED or EXPIRED: CONFLICT; unknown: NOT_FOUND.
     */
    ReservationOutcome confirm(ReservationId id, Instant at);

    /**
     * ACTIVE → RELEASED (units back to available). Already RELEASED or EXPIRED: Unchanged;
     * CONFIRMED: CONFLICT; unknown: NOT_FOUND.
     */
    ReservationOutcome release(ReservationId id, Instant at);

    /** ACTIVE reservations with {@code expiresAt ≤ now}, at most {@code limit}, → EXPIRED; returns them. */
    List<Reservation> expireDue(Instant now, int limit);

    Optional<Reservation> reservation(ReservationId id);

    Optional<StockLevel> level(StockKey key);

    /** Rows at one location, ordered by product. */
    List<StockLevel> levelsAt(LocationId location);

    /** Every row, ordered by product then location. */
    List<StockLevel> allLevels();

    /** Σ of journal rows of one kind at one location (cheap). */
    JournalTotals journalTotals(MovementKind kind, LocationId location);

    /** The journal summed per row, recomputed from the journal itself (a full scan). */
    Map<StockKey, JournalTotals> recomputeFromJournal();

    /** Journal rows of one product at one location, oldest first, at most {@code limit}, newest kept. */
    List<Movement> movements(StockKey key, int limit);
}
