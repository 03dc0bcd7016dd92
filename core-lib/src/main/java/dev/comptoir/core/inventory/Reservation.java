package dev.comptoir.core.inventory;

import dev.comptoir.core.ComptoirException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Units held for an owner until confirmed, released or expired.
 *
 * @param id        caller-chosen id
 * @param owner     who holds it (customer, order, saga …)
 * @param lines     one or more lines
 * @param createdAt when it was made
 * @param expiresAt when {@link InventoryService#expireDue()} may release it
 * @param status    its state
 * @param closedAt  when it left ACTIVE; {@code null} while ACTIVE
 */
public record Reservation(ReservationId id, String owner, List<ReservationLine> lines, Instant createdAt,
                          Instant expiresAt, ReservationStatus status, Instant closedAt) {
    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw ComptoirException.invalid("items", "a reservation needs at least one line");
        }
        if (expiresAt.isBefore(createdAt)) {
            throw ComptoirException.invalid("expires_at", "must not be before created_at");
        }
        if ((closedAt == null) != (status == ReservationStatus.ACTIVE)) {
            throw new IllegalArgumentException("closedAt must be set exactly when the status is final");
        }
    }

    /** A new ACTIVE reservation. */
    public static Reservation active(ReservationId id, String owner, List<ReservationLine> lines,
                                     Instant createdAt, Instant expiresAt) {
        return new Reservation(id, owner, lines, createdAt, expiresAt, ReservationStatus.ACTIVE, null);
    }

    /** A copy in a final state. */
    public Reservation closed(ReservationStatus newStatus, Instant at) {
        return new Reservation(id, owner, lines, createdAt, expiresAt, newStatus, at);
    }

    /** True when {@code other} asks for the same units as this one (same owner, same lines in any order). */
    public boolean sameRequestAs(Reservation other) {
        return owner.equals(other.owner) && canonical(lines).equals(canonical(other.lines));
    }

    private static List<ReservationLine> canonical(List<ReservationLine> lines) {
        List<ReservationLine> sorted = new ArrayList<>(lines);
        sorted.sort((a, b) -> {
            int c = a.key().compareTo(b.key());
            return c != 0 ? c : Long.compare(a.quantity(), b.quantity());
        });
        return sorted;
    }
}
