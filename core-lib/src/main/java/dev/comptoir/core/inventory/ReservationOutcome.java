package dev.comptoir.core.inventory;

import java.util.Objects;

/**
 * What a reservation operation did: it changed the reservation ({@link Applied}) or found it
 * already in the asked state and changed nothing ({@link Unchanged}, the idempotent repeat).
 */
public sealed interface ReservationOutcome {
    /** The reservation after the call. */
    Reservation reservation();

    /** The operation changed the reservation and the stock. */
    record Applied(Reservation reservation) implements ReservationOutcome {
        public Applied {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    /** A repeat: nothing was written. */
    record Unchanged(Reservation reservation) implements ReservationOutcome {
        public Unchanged {
            Objects.requireNonNull(reservation, "reservation");
        }
    }
}
