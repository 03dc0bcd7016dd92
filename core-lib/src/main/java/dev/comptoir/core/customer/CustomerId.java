package dev.comptoir.core.customer;

import dev.comptoir.core.ComptoirException;
import java.util.Locale;

/**
 * Identifier of a customer account: a positive long.
 *
 * <p>Clients of the reference system send ids either as integers or as strings such as
 * {@code "customer_1"} (decisions.md §3); {@link #parse(String)} accepts both.
 *
 * <pre>{@code
 * CustomerId a = CustomerId.parse("customer_7");
 * CustomerId b = CustomerId.parse("7");
 * assert a.equals(b);
 * }</pre>
 *
 * @param value the id, &gt; 0
 */
public record CustomerId(long value) implements Comparable<CustomerId> {
    private static final String PREFIX = "customer_";

    public CustomerId {
        if (value <= 0) {
            throw ComptoirException.invalid("customer_id", "must be > 0, was " + value);
        }
    }

    /** The id {@code value}. */
    public static CustomerId of(long value) {
        return new CustomerId(value);
    }

    /**
     * Parses {@code "42"} or {@code "customer_42"} (prefix case-insensitive, surrounding blanks
     * ignored).
     *
     * @throws ComptoirException INVALID_INPUT naming {@code customer_id} for anything else
     */
    public static CustomerId parse(String text) {
        if (text == null || text.isBlank()) {
            throw ComptoirException.invalid("customer_id", "is required");
        }
        String t = text.trim();
        if (t.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            t = t.substring(PREFIX.length());
        }
        try {
            return new CustomerId(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw ComptoirException.invalid("customer_id",
                    "must be a positive integer or 'customer_<n>', was '" + text + "'");
        }
    }

    /** The reference's string form, {@code customer_<n>}. */
    public String asPrefixedString() {
        return PREFIX + value;
    }

    @Override
    public int compareTo(CustomerId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
