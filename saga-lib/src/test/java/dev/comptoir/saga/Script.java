package dev.comptoir.saga;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Scripted participants for runtime tests: each (step, direction) answers the outcomes queued
 * for it, then succeeds; every invocation and every applied effect (through a ledger) is counted.
 */
final class Script {
    record Trip(String name, int stepsDone) {
    }

    private final Map<String, Deque<Supplier<StepOutcome<Trip>>>> queued = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();
    final ParticipantLedger ledger = ParticipantLedger.inMemory();

    /** Queues answers for the next invocations of {@code step} in {@code direction}. */
    @SafeVarargs
    final Script answer(String step, Direction direction, Supplier<StepOutcome<Trip>>... outcomes) {
        Deque<Supplier<StepOutcome<Trip>>> q = queued.computeIfAbsent(key(step, direction), k -> new ArrayDeque<>());
        synchronized (q) {
            for (Supplier<StepOutcome<Trip>> o : outcomes) {
                q.add(o);
            }
        }
        return this;
    }

    /** Makes every invocation of {@code step} in {@code direction} answer {@code outcome} until cleared. */
    Script always(String step, Direction direction, Supplier<StepOutcome<Trip>> outcome) {
        Deque<Supplier<StepOutcome<Trip>>> q = queued.computeIfAbsent(key(step, direction), k -> new ArrayDeque<>());
        synchronized (q) {
            q.clear();
            for (int i = 0; i < 1000; i++) {
                q.add(outcome);
            }
        }
        return this;
    }

    void clear(String step, Direction direction) {
        Deque<Supplier<StepOutcome<Trip>>> q = queued.get(key(step, direction));
        if (q != null) {
            synchronized (q) {
                q.clear();
            }
        }
    }

    static String key(String step, Direction direction) {
        return step + "/" + direction;
    }

    int invocations(String step, Direction direction) {
        AtomicInteger n = invocations.get(key(step, direction));
        return n == null ? 0 : n.get();
    }

    int effects(Object sagaId, String step, Direction direction) {
        AtomicInteger n = effects.get(sagaId + "/" + key(step, direction));
        return n == null ? 0 : n.get();
    }

    /** A step function that records the invocation, consults the script, and applies its effect once via the ledger. */
    StepFunction<Trip> fn(String step, Direction direction) {
        return ctx -> {
            invocations.computeIfAbsent(key(step, direction), k -> new AtomicInteger()).incrementAndGet();
            Deque<Supplier<StepOutcome<Trip>>> q = queued.get(key(step, direction));
            Supplier<StepOutcome<Trip>> next = null;
            if (q != null) {
                synchronized (q) {
                    next = q.poll();
                }
            }
            StepOutcome<Trip> outcome = next == null ? null : next.get();
            if (outcome == null || outcome instanceof StepOutcome.Success<Trip>) {
                ledger.execute(ctx.idempotencyKey(), String.class, () -> {
                    effects.computeIfAbsent(ctx.sagaId() + "/" + key(step, direction), k -> new AtomicInteger())
                            .incrementAndGet();
                    return "done";
                });
                return direction == Direction.ACTION
                        ? StepOutcome.success(new Trip(ctx.data().name(), ctx.data().stepsDone() + 1))
                        : StepOutcome.success();
            }
            return outcome;
        };
    }

    /** a (compensatable) → b (compensatable) → c (pivot) → d (retriable), each with the given policies. */
    SagaDefinition<Trip> definition(String name, int version, RetryPolicy retry, java.time.Duration timeout) {
        return SagaDefinition.builder(name, version, Trip.class)
                .step("a").invoke(fn("a", Direction.ACTION)).compensate(fn("a", Direction.COMPENSATION))
                    .retry(retry).timeout(timeout)
                .step("b").invoke(fn("b", Direction.ACTION)).compensate(fn("b", Direction.COMPENSATION))
                    .retry(retry).timeout(timeout)
                .step("c").invoke(fn("c", Direction.ACTION)).pivot().retry(retry).timeout(timeout)
                .step("d").invoke(fn("d", Direction.ACTION)).retriable().retry(retry).timeout(timeout)
                .build();
    }
}
