package dev.comptoir.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Lifecycle events delivered to {@link dev.comptoir.saga.spi.SagaListener}s after the matching
 * transition was persisted.
 *
 * <pre>{@code
 * SagaListener l = event -> {
 *     switch (event) {
 *         case SagaEvent.Stuck s -> pager.alert(s.sagaId() + ": " + s.reason());
 *         default -> { }
 *     }
 * };
 * }</pre>
 */
public sealed interface SagaEvent {
    /** The saga. */
    SagaId sagaId();

    /** Its definition name. */
    String definition();

    /** When the transition happened (per the runtime's clock). */
    Instant at();

    /** A saga was created. */
    record Started(SagaId sagaId, String definition, Instant at) implements SagaEvent {
        public Started {
            Objects.requireNonNull(sagaId, "sagaId");
        }
    }

    /** An action or compensation succeeded; {@code duration} covers its attempts. */
    record StepSucceeded(SagaId sagaId, String definition, Instant at, String step, Direction direction,
                         Duration duration) implements SagaEvent {
        public StepSucceeded {
            Objects.requireNonNull(sagaId, "sagaId");
        }
    }

    /** An attempt failed; {@code willRetry} says whether another attempt is scheduled. */
    record StepFailed(SagaId sagaId, String definition, Instant at, String step, Direction direction,
                      int attempt, String error, boolean willRetry) implements SagaEvent {
        public StepFailed {
            Objects.requireNonNull(sagaId, "sagaId");
        }
    }

    /** A step failed for good and compensation begins. */
    record CompensationStarted(SagaId sagaId, String definition, Instant at, String failedStep, String reason)
            implements SagaEvent {
        public CompensationStarted {
            Objects.requireNonNull(sagaId, "sagaId");
        }
    }

    /** The saga reached a terminal state ({@code COMPLETED}, {@code COMPENSATED} or {@code RESOLVED}). */
    record Finished(SagaId sagaId, String definition, Instant at, SagaState state, Duration total)
            implements SagaEvent {
        public Finished {
            Objects.requireNonNull(sagaId, "sagaId");
            Objects.requireNonNull(state, "state");
        }
    }

    /** The saga was parked in {@link SagaState#STUCK}. */
    record Stuck(SagaId sagaId, String definition, Instant at, String step, String reason) implements SagaEvent {
        public Stuck {
            Objects.requireNonNull(sagaId, "sagaId");
        }
    }
}
