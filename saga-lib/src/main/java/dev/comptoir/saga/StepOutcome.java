package dev.comptoir.saga;

import java.util.Objects;

/**
 * What a participant answered to one invocation.
 *
 * <pre>{@code
 * StepOutcome<Order> reserve(StepContext<Order> ctx) {
 *     if (!stock.available(ctx.data().items())) {
 *         return StepOutcome.failure("insufficient stock");          // compensate
 *     }
 *     return StepOutcome.success(ctx.data().withReservation(ctx.sagaId()));
 * }
 * }</pre>
 *
 * <p>An exception thrown by a step function is classified by the step's {@link RetryPolicy}
 * (transient by default).
 *
 * @param <S> the saga data type
 */
public sealed interface StepOutcome<S> {

    /** Success; {@code data} replaces the saga data, or {@code null} keeps it unchanged. */
    record Success<S>(S data) implements StepOutcome<S> {
    }

    /** A failure that may go away (timeout, unavailable service): retried per the step's policy. */
    record TransientFailure<S>(String reason) implements StepOutcome<S> {
        public TransientFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A definite "no" from the participant (nothing was applied): triggers compensation at once. */
    record BusinessFailure<S>(String reason) implements StepOutcome<S> {
        public BusinessFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The participant accepted the request and will answer later through
     * {@link SagaRuntime#complete(SagaId, String, StepOutcome)}; the step's timeout starts now.
     */
    record Pending<S>() implements StepOutcome<S> {
    }

    /** Success with updated saga data. */
    static <S> StepOutcome<S> success(S data) {
        return new Success<>(Objects.requireNonNull(data, "data"));
    }

    /** Success that keeps the saga data unchanged. */
    @SuppressWarnings("unchecked")
    static <S> StepOutcome<S> success() {
        return (StepOutcome<S>) Unchanged.INSTANCE;
    }

    /** A transient failure: retried with backoff, then compensation (or stuck) when attempts run out. */
    static <S> StepOutcome<S> retry(String reason) {
        return new TransientFailure<>(reason);
    }

    /** A business failure: no retry; the saga compensates. */
    static <S> StepOutcome<S> failure(String reason) {
        return new BusinessFailure<>(reason);
    }

    /** "Reply later" for asynchronous participants. */
    static <S> StepOutcome<S> pending() {
        return new Pending<>();
    }
}
