package dev.comptoir.saga;

import dev.comptoir.saga.spi.SagaRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Given/when/expect tests of a saga definition, with no database: an in-memory store, a virtual
 * clock that jumps to each retry or timeout, and participants whose answers can be overridden.
 *
 * <pre>{@code
 * SagaTestKit.of(orderSaga)
 *     .given(Order.forCart("s1", "c1"))
 *     .whenAction("process-payment").answers(StepOutcome.failure("declined"))
 *     .run()
 *     .expectState(SagaState.COMPENSATED)
 *     .expectInvocations("validate-cart", "reserve-stock", "process-payment", "~reserve-stock");
 * }</pre>
 *
 * <p>Invocations are named by step, compensations prefixed with {@code ~}. Steps whose answers are
 * not overridden call the definition's own functions.
 *
 * @param <S> the saga data type
 */
public final class SagaTestKit<S> {
    private final SagaDefinition<S> definition;
    private final Map<String, Deque<StepOutcome<S>>> answers = new HashMap<>();
    private final List<String> invocations = new ArrayList<>();
    private S data;

    private SagaTestKit(SagaDefinition<S> definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    /** A kit for {@code definition}. */
    public static <S> SagaTestKit<S> of(SagaDefinition<S> definition) {
        return new SagaTestKit<>(definition);
    }

    /** The saga's initial data. */
    public SagaTestKit<S> given(S initial) {
        this.data = Objects.requireNonNull(initial, "initial");
        return this;
    }

    /** Overrides the next answers of {@code step}'s action. */
    public Answers whenAction(String step) {
        return new Answers(key(step, Direction.ACTION));
    }

    /** Overrides the next answers of {@code step}'s compensation. */
    public Answers whenCompensation(String step) {
        return new Answers(key(step, Direction.COMPENSATION));
    }

    /** Queued answers of one step direction. */
    public final class Answers {
        private final String key;

        private Answers(String key) {
            this.key = key;
        }

        /** The next invocations answer these outcomes in order, then the real function runs. */
        @SafeVarargs
        public final SagaTestKit<S> answers(StepOutcome<S>... outcomes) {
            Deque<StepOutcome<S>> q = answers.computeIfAbsent(key, k -> new ArrayDeque<>());
            q.addAll(List.of(outcomes));
            return SagaTestKit.this;
        }
    }

    private static String key(String step, Direction direction) {
        return direction == Direction.ACTION ? step : "~" + step;
    }

    private StepFunction<S> wrap(String step, Direction direction, StepFunction<S> real) {
        String key = key(step, direction);
        return ctx -> {
            invocations.add(key);
            Deque<StepOutcome<S>> q = answers.get(key);
            StepOutcome<S> scripted = q == null ? null : q.poll();
            return scripted != null ? scripted : real.invoke(ctx);
        };
    }

    private SagaDefinition<S> instrumented() {
        SagaDefinition.Builder<S> b = SagaDefinition.builder(definition.name(), definition.version(),
                definition.dataType());
        for (SagaStep<S> s : definition.steps()) {
            SagaDefinition.StepBuilder<S> sb = b.step(s.name()).invoke(wrap(s.name(), Direction.ACTION, s.action()))
                    .timeout(s.timeout()).retry(s.retry()).compensationRetry(s.compensationRetry());
            switch (s.kind()) {
                case COMPENSATABLE -> {
                    if (s.hasCompensation()) {
                        sb.compensate(wrap(s.name(), Direction.COMPENSATION, s.compensation()));
                    } else {
                        sb.noCompensation();
                    }
                }
                case PIVOT -> sb.pivot();
                case RETRIABLE -> sb.retriable();
            }
        }
        return b.build();
    }

    /** Runs the saga to a terminal or stuck state, jumping the clock to every timer (at most 1000 times). */
    public Result run() {
        if (data == null) {
            throw new IllegalStateException("given(..) first");
        }
        VirtualClock clock = VirtualClock.at("2026-01-01T00:00:00Z");
        SagaStore store = SagaStore.inMemory();
        SagaDefinition<S> def = instrumented();
        SagaRuntime runtime = Sagas.runtime().store(store).clock(clock).random(new SplittableRandom(0))
                .register(def).build();
        SagaId id = runtime.start(def, data, "test-kit");
        for (int i = 0; i < 1000; i++) {
            runtime.runUntilIdle();
            SagaRecord r = store.storage().find(id).orElseThrow();
            if (!r.state().isActive() || r.dueAt() == null) {
                break;
            }
            java.time.Instant next = r.visibleAt();
            if (next.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next));
            }
        }
        return new Result(runtime.status(id).orElseThrow(), List.copyOf(invocations));
    }

    /** What happened; the {@code expect...} methods throw {@link AssertionError} on mismatch. */
    public final class Result {
        private final SagaStatus status;
        private final List<String> calls;

        private Result(SagaStatus status, List<String> calls) {
            this.status = status;
            this.calls = calls;
        }

        /** The final status. */
        public SagaStatus status() {
            return status;
        }

        public Result expectState(SagaState expected) {
            if (status.state() != expected) {
                throw new AssertionError("expected saga state " + expected + " but was " + status.state()
                        + " (failure: " + status.failure() + ", invocations: " + calls + ")");
            }
            return this;
        }

        /** Exactly these invocations, in order ({@code ~step} for a compensation). */
        public Result expectInvocations(String... expected) {
            if (!calls.equals(List.of(expected))) {
                throw new AssertionError("expected invocations " + List.of(expected) + " but were " + calls);
            }
            return this;
        }

        /** Checks the final data. */
        public Result expectData(Consumer<S> check) {
            check.accept(definition.dataType().cast(status.data()));
            return this;
        }

        /** The failure reason contains {@code text}. */
        public Result expectFailureContaining(String text) {
            if (status.failure() == null || !status.failure().contains(text)) {
                throw new AssertionError("expected failure containing '" + text + "' but was " + status.failure());
            }
            return this;
        }
    }
}
