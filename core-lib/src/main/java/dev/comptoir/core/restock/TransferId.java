package dev.comptoir.core.restock;

import dev.comptoir.core.ComptoirException;

/** Identifier of a stock transfer; positive. */
public record TransferId(long value) {
    public TransferId {
        if (value <= 0) {
            throw ComptoirException.invalid("transfer_id", "must be > 0, was " + value);
        }
    }

    public static TransferId of(long value) {
        return new TransferId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
