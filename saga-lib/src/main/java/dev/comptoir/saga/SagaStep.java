package dev.comptoir.saga;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a {@link SagaDefinition}, as built by its DSL.
 *
 * <pre>{@code
 * SagaStep<Order> step = definition.step("reserve-stock");
 * Duration t = step.timeout();
 * }</pre>
 *
 * @param name              unique within the definition
 * @param kind              compensatable, pivot or retriable
 * @param action            the forward invocation
 * @param compensation      the undo invocation, or {@code null} when there is nothing to undo
 * @param timeout           how long to wait for a "pending" reply before the attempt counts as timed out
 * @param retry             policy of the action
 * @param compensationRetry policy of the compensation; when exhausted the saga is parked {@link SagaState#STUCK}
 * @param <S>               the saga data type
 */
public record SagaStep<S>(String name, StepKind kind, StepFunction<S> action, StepFunction<S> compensation,
                          Duration timeout, RetryPolicy retry, RetryPolicy compensationRetry) {
    public SagaStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(compensationRetry, "compensationRetry");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
        }
    }

    /** True when this step has a compensation to run. */
    public boolean hasCompensation() {
        return compensation != null;
    }

    /** The function for a direction ({@code null} for a missing compensation). */
    public StepFunction<S> function(Direction direction) {
        return direction == Direction.ACTION ? action : compensation;
    }

    /** The retry policy for a direction. */
    public RetryPolicy policy(Direction direction) {
        return direction == Direction.ACTION ? retry : compensationRetry;
    }
}
