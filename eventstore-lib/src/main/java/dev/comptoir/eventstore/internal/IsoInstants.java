package dev.comptoir.eventstore.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads and writes {@link Instant}s in the shape {@code Instant.toString()} gives
 * ({@code 2026-11-25T10:15:30.120Z}) without going through {@code DateTimeFormatter}, which
 * dominated the cost of (de)serializing small events. Text in any other shape (an offset, a
 * number, a year beyond 9999) goes to jackson-datatype-jsr310's own deserializer, so the result
 * is the same as with the plain {@code JavaTimeModule}.
 *
 * <pre>{@code
 * JsonMapper.builder().addModule(new JavaTimeModule()).addModule(IsoInstants.module()).build();
 * }</pre>
 */
public final class IsoInstants {
    private static final long SECONDS_PER_DAY = 86_400;

    private IsoInstants() {
    }

    /** A Jackson module with the fast Instant serializer and deserializer (register it after JavaTimeModule). */
    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("comptoir-iso-instants");
        m.addSerializer(Instant.class, new Serializer());
        m.addDeserializer(Instant.class, new Deserializer());
        return m;
    }

    /** {@code Instant.toString()} for years 0000-9999, written by hand. */
    public static String format(Instant t) {
        long seconds = t.getEpochSecond();
        int nanos = t.getNano();
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        if (day < -719_528 || day > 2_932_896) { // outside 0000-01-01 .. 9999-12-31
            return t.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] c = new char[30];
        int year = date.getYear();
        put(c, 0, year / 100, 2);
        put(c, 2, year % 100, 2);
        c[4] = '-';
        put(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        put(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, secondOfDay % 60, 2);
        int n = 19;
        if (nanos != 0) {
            c[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(c, n, nanos / 1_000_000, 3);
                n += 3;
            } else if (nanos % 1_000 == 0) {
                put(c, n, nanos / 1_000, 6);
                n += 6;
            } else {
                put(c, n, nanos, 9);
                n += 9;
            }
        }
        c[n++] = 'Z';
        return new String(c, 0, n);
    }

    /**
     * The instant of {@code yyyy-MM-ddTHH:mm:ss[.fraction of 1-9 digits]Z}, or {@code null} when the
     * text has another shape (the caller then uses a full parser). Out-of-range fields (month 13)
     * throw {@link java.time.DateTimeException} like {@code Instant.parse}.
     */
    public static Instant parseOrNull(String s) {
        int n = s.length();
        return n >= 20 && s.charAt(n - 1) == 'Z' ? parse(s, n - 1) : null;
    }

    /**
     * The instant of a UTC local date-time {@code yyyy-MM-ddTHH:mm:ss[.fraction of 1-9 digits]}
     * (no zone), or {@code null} when the text has another shape.
     */
    public static Instant parseUtcLocalOrNull(String s) {
        return parse(s, s.length());
    }

    /** Parses {@code s[0, end)} as a local date-time in UTC, or null. */
    private static Instant parse(String s, int end) {
        if (end < 19 || end > 29 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (end > 19) {
            if (s.charAt(19) != '.' || end == 20) {
                return null;
            }
            nanos = digits(s, 20, end);
            for (int i = end; i < 29; i++) {
                nanos *= 10;
            }
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
            return null;
        }
        // LocalDateTime.of checks the ranges (month 13, hour 25) and throws like a parser would
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static final class Serializer extends StdScalarSerializer<Instant> {
        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    private static final class Deserializer extends StdScalarDeserializer<Instant> {
        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast;
                try {
                    fast = parseOrNull(p.getText());
                } catch (java.time.DateTimeException e) {
                    fast = null; // let the full parser report it in its own words
                }
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }
}
