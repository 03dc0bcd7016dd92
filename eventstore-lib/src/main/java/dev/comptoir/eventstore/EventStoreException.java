package dev.comptoir.eventstore;

/**
 * Root of every error raised by eventstore-lib (store, projections, bus, outbox).
 *
 * <p>{@link #isTransient()} says whether retrying the same call may succeed (the database or
 * Redis was unreachable) or not (a broken contract: unknown event type, corrupt payload,
 * partial duplicate). Built by static factories that say what failed:
 *
 * <pre>{@code
 * throw EventStoreException.unavailable("appending to stream claim-42", sqlException);
 * throw EventStoreException.invalid("event type 'Foo' is not registered");
 * }</pre>
 */
public class EventStoreException extends RuntimeException {

    private final boolean transientFailure;

    protected EventStoreException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** True when retrying the same call may succeed (infrastructure fault). */
    public boolean isTransient() {
        return transientFailure;
    }

    /** Infrastructure failed while doing {@code what}; transient. */
    public static EventStoreException unavailable(String what, Throwable cause) {
        return new EventStoreException("event store infrastructure failed while " + what + ": " + cause, cause, true);
    }

    /** A broken contract (bad input, unknown type, corrupt data); not transient. */
    public static EventStoreException invalid(String message) {
        return new EventStoreException(message, null, false);
    }

    /** A broken contract caused by {@code cause}; not transient. */
    public static EventStoreException invalid(String message, Throwable cause) {
        return new EventStoreException(message, cause, false);
    }

    /** A batch mixes event ids that are already stored with new ones. */
    public static EventStoreException partialDuplicate(String streamId, int stored, int total) {
        return new EventStoreException("append to stream " + streamId + " repeats " + stored + " of " + total
                + " already stored event ids; an idempotent retry must resend the same batch", null, false);
    }
}
