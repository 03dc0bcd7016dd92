package dev.comptoir.core.restock;

/**
 * States of a restock request (reference {@code StatutDemande}): PENDING → APPROVED → DELIVERED,
 * or PENDING → REJECTED. A partial fulfilment is a DELIVERED request whose approved quantity is
 * below the requested one ({@link RestockRequest#isPartial()}).
 */
public enum RestockStatus {
    /** Waiting for the logistics centre ({@code EN_ATTENTE}). */
    PENDING,
    /** Approved; the transfer is being made ({@code APPROUVEE}). */
    APPROVED,
    /** The approved units reached the store ({@code LIVREE}). */
    DELIVERED,
    /** Refused with a reason ({@code REJETEE}). */
    REJECTED;

    /** True when a request may go from this state to {@code next}. */
    public boolean canGoTo(RestockStatus next) {
        return switch (this) {
            case PENDING -> next == APPROVED || next == REJECTED;
            case APPROVED -> next == DELIVERED || next == PENDING;
            case DELIVERED, REJECTED -> false;
        };
    }
}
