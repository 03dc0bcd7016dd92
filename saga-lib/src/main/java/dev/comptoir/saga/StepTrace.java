package dev.comptoir.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a saga's timeline: the latest state of one step in one direction.
 *
 * <pre>{@code
 * runtime.status(id).orElseThrow().timeline()
 *        .forEach(t -> log.info("{} {} x{}", t.step(), t.state(), t.attempts()));
 * }</pre>
 *
 * @param step       step name
 * @param direction  action or compensation
 * @param state      where that invocation stands
 * @param attempts   attempts made so far (≥ 1)
 * @param startedAt  start of the first attempt
 * @param finishedAt end of the latest attempt (or when it started waiting)
 * @param lastError  latest failure reason, or {@code null}
 */
public record StepTrace(String step, Direction direction, StepState state, int attempts,
                        Instant startedAt, Instant finishedAt, String lastError) {
    public StepTrace {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
    }

    /** Time from the first attempt's start to the latest attempt's end. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
