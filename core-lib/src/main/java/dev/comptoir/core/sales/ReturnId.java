package dev.comptoir.core.sales;

import java.util.Objects;
import java.util.UUID;

/** Identifier of a return. */
public record ReturnId(UUID value) {
    public ReturnId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
