package dev.comptoir.core;

import java.util.Objects;

/**
 * Root of every error raised by core-lib use-cases.
 *
 * <p>A rule violation names the field or rule that failed ({@link #field()}) and says what
 * kind of failure it is ({@link #kind()}), so an HTTP adapter can answer
 * {@code {"error": message, "field": field, "status": kind.httpStatus()}} and a CLI can print
 * it. Use-cases validate everything before they write anything: when one of these is thrown,
 * nothing has been partially written.
 *
 * <pre>{@code
 * throw ComptoirException.invalid("quantity", "must be > 0, was " + q);
 * throw ComptoirException.notFound("product", productId);
 * }</pre>
 */
public class ComptoirException extends RuntimeException {

    /** What kind of failure this is; each maps to one HTTP status. */
    public enum Kind {
        /** Malformed or out-of-range input (HTTP 400). */
        INVALID_INPUT(400),
        /** A referenced entity does not exist (HTTP 404). */
        NOT_FOUND(404),
        /** Valid input refused by the current state: insufficient stock, bad transition, duplicate (HTTP 409). */
        CONFLICT(409),
        /** A payment was declined (HTTP 402). */
        PAYMENT_DECLINED(402),
        /** Infrastructure failed (database, network); retrying may help (HTTP 503). */
        UNAVAILABLE(503);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The HTTP status an adapter should answer with. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;
    private final String field;

    protected ComptoirException(Kind kind, String field, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
    }

    /** The kind of failure. */
    public Kind kind() {
        return kind;
    }

    /** The input field or business rule that failed (e.g. {@code quantity}, {@code stock}); never null. */
    public String field() {
        return field == null ? "" : field;
    }

    /** True when retrying the same call may succeed (infrastructure faults). */
    public boolean isTransient() {
        return kind == Kind.UNAVAILABLE;
    }

    /** Bad input: {@code field} is the offending field's name. */
    public static ComptoirException invalid(String field, String message) {
        return new ComptoirException(Kind.INVALID_INPUT, field, message, null);
    }

    /** Unknown entity, e.g. {@code notFound("product", 42)}. */
    public static ComptoirException notFound(String entity, Object id) {
        return new ComptoirException(Kind.NOT_FOUND, entity, entity + " " + id + " not found", null);
    }

    /** A business rule refused a valid request; {@code rule} names it (e.g. {@code stock}). */
    public static ComptoirException conflict(String rule, String message) {
        return new ComptoirException(Kind.CONFLICT, rule, message, null);
    }

    /** Not enough available stock. */
    public static ComptoirException insufficientStock(Object productId, Object locationId, long available, long requested) {
        return new ComptoirException(Kind.CONFLICT, "stock",
                "insufficient stock for product " + productId + " at location " + locationId
                        + ": available " + available + ", requested " + requested, null);
    }

    /** A state machine refused a transition. */
    public static ComptoirException invalidTransition(String entity, Object from, Object to) {
        return new ComptoirException(Kind.CONFLICT, "status",
                entity + " cannot go from " + from + " to " + to, null);
    }

    /** A payment was declined by the gateway or the failure policy. */
    public static ComptoirException paymentDeclined(String reason) {
        return new ComptoirException(Kind.PAYMENT_DECLINED, "payment", reason, null);
    }

    /** Infrastructure failure (transient). */
    public static ComptoirException unavailable(String message, Throwable cause) {
        return new ComptoirException(Kind.UNAVAILABLE, "", message, cause);
    }
}
