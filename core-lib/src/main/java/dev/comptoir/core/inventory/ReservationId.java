package dev.comptoir.core.inventory;

import dev.comptoir.core.ComptoirException;
import java.util.Objects;

/** A reservation id chosen by the caller (the order saga uses its saga id); 1–200 characters. */
public record ReservationId(String value) {
    public ReservationId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 200) {
            throw ComptoirException.invalid("reservation_id", "must be 1-200 non-blank characters");
        }
    }

    public static ReservationId of(String value) {
        if (value == null) {
            throw ComptoirException.invalid("reservation_id", "is required");
        }
        return new ReservationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
