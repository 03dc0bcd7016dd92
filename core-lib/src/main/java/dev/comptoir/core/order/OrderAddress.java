package dev.comptoir.core.order;

import dev.comptoir.core.ComptoirException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A shipping or billing address as the client sent it: a small flat object of named fields
 * (the reference stores it as JSON text, {@code shipping_address_json}).
 *
 * @param fields field name to value; at least one field, names non-blank, values non-null
 */
public record OrderAddress(Map<String, String> fields) {
    public OrderAddress {
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty()) {
            throw ComptoirException.invalid("shipping_address", "must not be empty");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        fields.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null) {
                throw ComptoirException.invalid("shipping_address", "has a blank name or a null value");
            }
            copy.put(k, v);
        });
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /** An address from alternating names and values, e.g. {@code of("ville", "Québec", "province", "QC")}. */
    public static OrderAddress of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new OrderAddress(m);
    }
}
