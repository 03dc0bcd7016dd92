package dev.comptoir.saga.spi;

import dev.comptoir.saga.Direction;
import dev.comptoir.saga.SagaId;

/**
 * Test and fault-injection hook called by the runtime at each step boundary. Throwing an
 * {@link Error} from it simulates a crash of the runtime at that point: the saga stays leased
 * until its lease expires and is then resumed by another runtime on the same store.
 *
 * <pre>{@code
 * ExecutionHook crashAfterAction = (point, id, step, dir) -> {
 *     if (point == ExecutionHook.Point.AFTER_INVOKE && step.equals("pay")) throw new SimulatedCrash();
 * };
 * }</pre>
 *
 * <p>Called from whichever thread advances the saga; keep it thread-safe.
 */
@FunctionalInterface
public interface ExecutionHook {

    /** Step boundaries. */
    enum Point {
        /** Before an action or compensation is invoked. */
        BEFORE_INVOKE,
        /** After the invocation returned, before its outcome is persisted. */
        AFTER_INVOKE,
        /** After the transition was persisted. */
        AFTER_PERSIST
    }

    /** Called at {@code point} for the invocation of {@code step} in {@code direction} of saga {@code sagaId}. */
    void at(Point point, SagaId sagaId, String step, Direction direction);
}
