package dev.comptoir.core.restock;

import dev.comptoir.core.ComptoirException;

/** Identifier of a restock request; positive. */
public record RestockRequestId(long value) {
    public RestockRequestId {
        if (value <= 0) {
            throw ComptoirException.invalid("request_id", "must be > 0, was " + value);
        }
    }

    public static RestockRequestId of(long value) {
        return new RestockRequestId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
