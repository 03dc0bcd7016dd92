package dev.comptoir.core.report;

import dev.comptoir.core.ComptoirException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open time range {@code [from, to)}.
 *
 * @param from start, inclusive
 * @param to   end, exclusive; not before {@code from}
 */
public record Period(Instant from, Instant to) {
    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw ComptoirException.invalid("date_fin", "must not be before date_debut");
        }
    }

    /** The {@code length} before {@code end}. */
    public static Period endingAt(Instant end, Duration length) {
        return new Period(end.minus(length), end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
