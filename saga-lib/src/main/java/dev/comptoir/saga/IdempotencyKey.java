package dev.comptoir.saga;

import java.util.Objects;

/**
 * What a participant de-duplicates on: the saga, the step and the direction. Every attempt of
 * the same invocation (retries, re-deliveries after a crash) carries the same key.
 *
 * <pre>{@code
 * ledger.execute(ctx.idempotencyKey(), Reservation.class, () -> stock.reserve(...));
 * }</pre>
 *
 * @param sagaId    the saga
 * @param step      the step name
 * @param direction action or compensation
 */
public record IdempotencyKey(SagaId sagaId, String step, Direction direction) {
    public IdempotencyKey {
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(direction, "direction");
        if (step.isBlank()) {
            throw new IllegalArgumentException("step must not be blank");
        }
    }

    /** The key of the opposite direction (the compensation of an action and vice versa). */
    public IdempotencyKey opposite() {
        return new IdempotencyKey(sagaId, step, direction == Direction.ACTION ? Direction.COMPENSATION : Direction.ACTION);
    }

    /** Stable text form {@code <sagaId>/<step>/<ACTION|COMPENSATION>}. */
    public String asString() {
        return sagaId + "/" + step + "/" + direction;
    }

    @Override
    public String toString() {
        return asString();
    }
}
