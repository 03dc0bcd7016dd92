package dev.comptoir.saga;

/**
 * Root of every exception saga-lib throws: broken contracts (non-transient) and infrastructure
 * faults (transient: retrying may help). Expected business outcomes are {@link StepOutcome} values.
 *
 * <pre>{@code
 * try {
 *     runtime.start(definition, data, key);
 * } catch (SagaException e) {
 *     if (e.isTransient()) retryLater(); else throw e;
 * }
 * }</pre>
 */
public class SagaException extends RuntimeException {
    private final boolean transientFailure;

    protected SagaException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** True when retrying the same call may succeed. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The definition linter rejected a definition. */
    public static SagaException invalidDefinition(String name, java.util.List<String> problems) {
        return new SagaException("invalid saga definition '" + name + "': " + String.join("; ", problems), null, false);
    }

    /** No definition with that name and version is registered with the runtime. */
    public static SagaException unknownDefinition(String name, int version) {
        return new SagaException("no saga definition '" + name + "' version " + version + " is registered", null, false);
    }

    /** No saga has that id. */
    public static SagaException notFound(SagaId id) {
        return new SagaException("saga " + id + " not found", null, false);
    }

    /** An operation is not allowed in the saga's current state. */
    public static SagaException invalidState(SagaId id, SagaState state, String operation) {
        return new SagaException("cannot " + operation + " saga " + id + " in state " + state, null, false);
    }

    /** The saga was modified concurrently more often than the caller was willing to retry. */
    public static SagaException busy(SagaId id) {
        return new SagaException("saga " + id + " is being advanced by another worker; try again", null, true);
    }

    /** The store failed (database down, connection lost...). */
    public static SagaException storeUnavailable(String operation, Throwable cause) {
        return new SagaException("saga store failed during " + operation + ": " + cause.getMessage(), cause, true);
    }

    /** Stored data could not be (de)serialised. */
    public static SagaException serialization(String what, Throwable cause) {
        return new SagaException("cannot (de)serialise " + what + ": " + cause.getMessage(), cause, false);
    }

    /** The runtime was closed. */
    public static SagaException closed() {
        return new SagaException("saga runtime is closed", null, false);
    }
}
