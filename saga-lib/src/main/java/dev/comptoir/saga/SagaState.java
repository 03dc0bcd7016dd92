package dev.comptoir.saga;

/** Lifecycle state of a saga instance. */
public enum SagaState {
    /** Running its actions forward (possibly waiting for a reply, a retry backoff or a timeout). */
    RUNNING,
    /** A step failed; running compensations in reverse order. */
    COMPENSATING,
    /** Every action succeeded. Terminal. */
    COMPLETED,
    /** A step failed and every completed compensatable step was compensated. Terminal. */
    COMPENSATED,
    /**
     * Parked: a compensation (or a post-pivot retriable step) still failed after its retry limit.
     * Needs an operator ({@link SagaRuntime#retry(SagaId)} or {@link SagaRuntime#resolve(SagaId, String)}).
     */
    STUCK,
    /** An operator resolved a stuck saga by hand. Terminal. */
    RESOLVED;

    /** True for states that never change again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == COMPENSATED || this == RESOLVED;
    }

    /** True for states in which the runtime still advances the saga by itself. */
    public boolean isActive() {
        return this == RUNNING || this == COMPENSATING;
    }
}
