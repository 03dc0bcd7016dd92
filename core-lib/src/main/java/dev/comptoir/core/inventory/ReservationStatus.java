package dev.comptoir.core.inventory;

/** Life of a reservation: ACTIVE, then exactly one of the three final states. */
public enum ReservationStatus {
    /** Units are held. */
    ACTIVE,
    /** The units left the stock. */
    CONFIRMED,
    /** Released by its owner (compensation); units back to available. */
    RELEASED,
    /** Released by {@link InventoryService#expireDue()} after its expiry. */
    EXPIRED;

    /** True for the three final states. */
    public boolean isClosed() {
        return this != ACTIVE;
    }
}
