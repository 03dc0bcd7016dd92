package dev.comptoir.saga;

/**
 * An action or a compensation: invokes a participant and says how it went.
 *
 * <pre>{@code
 * StepFunction<Order> reserve = ctx -> StepOutcome.success(ctx.data().withReservation(ctx.sagaId()));
 * }</pre>
 *
 * <p>Invoked at least once per attempt (again after a crash or a timeout), always with the same
 * {@link StepContext#idempotencyKey()}: make the participant idempotent on it, e.g. with a
 * {@link ParticipantLedger}.
 *
 * @param <S> the saga data type
 */
@FunctionalInterface
public interface StepFunction<S> {
    /** Invokes the participant. May throw; the step's {@link RetryPolicy} classifies the exception. */
    StepOutcome<S> invoke(StepContext<S> context) throws Exception;
}
