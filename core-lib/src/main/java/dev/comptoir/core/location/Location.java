package dev.comptoir.core.location;

import java.util.Objects;

/**
 * An organisation unit.
 *
 * @param id      its id (1–5 stores, 6 logistics centre, 7 head office, 8 e-commerce shop)
 * @param name    display name
 * @param type    what it is
 * @param address postal address
 */
public record Location(LocationId id, String name, LocationType type, String address) {
    public Location {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
    }

    /** True for the five stores. */
    public boolean isStore() {
        return type == LocationType.STORE;
    }
}
