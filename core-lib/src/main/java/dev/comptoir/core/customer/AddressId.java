package dev.comptoir.core.customer;

import dev.comptoir.core.ComptoirException;

/** Identifier of a customer address; positive. */
public record AddressId(long value) {
    public AddressId {
        if (value <= 0) {
            throw ComptoirException.invalid("address_id", "must be > 0, was " + value);
        }
    }

    public static AddressId of(long value) {
        return new AddressId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
