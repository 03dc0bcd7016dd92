package dev.comptoir.core.location;

/** Identifier of a location (store, logistics centre, head office, e-commerce shop); positive. */
public record LocationId(int value) implements Comparable<LocationId> {
    public LocationId {
        if (value <= 0) {
            throw dev.comptoir.core.ComptoirException.invalid("location_id", "must be > 0, was " + value);
        }
    }

    public static LocationId of(int value) {
        return new LocationId(value);
    }

    @Override
    public int compareTo(LocationId o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
