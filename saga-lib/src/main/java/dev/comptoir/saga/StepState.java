package dev.comptoir.saga;

/** State of one entry in a saga's per-step timeline. */
public enum StepState {
    /** The participant answered "pending"; the runtime waits for {@link SagaRuntime#complete} or the timeout. */
    AWAITING_REPLY,
    /** The last attempt failed transiently (or timed out); another attempt is scheduled. */
    RETRY_SCHEDULED,
    /** The invocation succeeded. */
    SUCCEEDED,
    /** The invocation failed for good (business failure or retries exhausted). */
    FAILED
}
