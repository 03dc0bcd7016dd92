package dev.comptoir.saga;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named, versioned saga over typed data (a record): ordered steps, built once and checked by
 * a linter.
 *
 * <pre>{@code
 * SagaDefinition<Order> order = SagaDefinition.builder("order", 1, Order.class)
 *     .step("validate-cart").invoke(this::validateCart).noCompensation()
 *     .step("reserve-stock").invoke(this::reserve).compensate(this::release)
 *         .timeout(Duration.ofSeconds(30)).retry(RetryPolicy.defaults())
 *     .step("process-payment").invoke(this::pay).compensate(this::refund)
 *     .step("confirm-order").invoke(this::confirm).pivot()
 *     .build();
 * }</pre>
 *
 * <p>Linter rules: at least one step; unique names; every step has an action; the shape is
 * {@code COMPENSATABLE* PIVOT? RETRIABLE*}; a compensatable step declares
 * {@code compensate(..)} or, when it has no effect to undo, {@code noCompensation()}; pivot and
 * retriable steps have no compensation. Immutable and thread-safe.
 *
 * @param <S> the saga data type
 */
public final class SagaDefinition<S> {
    /** Step timeout used when a step does not set one (decisions §5). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final int version;
    private final Class<S> dataType;
    private final List<SagaStep<S>> steps;
    private final Map<String, Integer> indexByName;

    private SagaDefinition(String name, int version, Class<S> dataType, List<SagaStep<S>> steps) {
        this.name = name;
        this.version = version;
        this.dataType = dataType;
        this.steps = List.copyOf(steps);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            index.put(steps.get(i).name(), i);
        }
        this.indexByName = Map.copyOf(index);
    }

    /** Starts a definition; {@code version} ≥ 1 distinguishes incompatible revisions of the same saga. */
    public static <S> Builder<S> builder(String name, int version, Class<S> dataType) {
        return new Builder<>(name, version, dataType);
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public Class<S> dataType() {
        return dataType;
    }

    /** The steps in order. */
    public List<SagaStep<S>> steps() {
        return steps;
    }

    /** Step at position {@code index}. */
    public SagaStep<S> step(int index) {
        return steps.get(index);
    }

    /** Step named {@code stepName}. */
    public SagaStep<S> step(String stepName) {
        Integer i = indexByName.get(stepName);
        if (i == null) {
            throw new IllegalArgumentException("saga '" + name + "' has no step '" + stepName + "'");
        }
        return steps.get(i);
    }

    /** Position of step {@code stepName}, or -1. */
    public int indexOf(String stepName) {
        Integer i = indexByName.get(stepName);
        return i == null ? -1 : i;
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }

    /**
     * Definition builder; {@link #step(String)} opens a step.
     *
     * @param <S> the saga data type
     */
    public static final class Builder<S> {
        private final String name;
        private final int version;
        private final Class<S> dataType;
        private final List<StepBuilder<S>> steps = new ArrayList<>();

        private Builder(String name, int version, Class<S> dataType) {
            this.name = Objects.requireNonNull(name, "name");
            this.version = version;
            this.dataType = Objects.requireNonNull(dataType, "dataType");
        }

        /** Opens a new step named {@code stepName}. */
        public StepBuilder<S> step(String stepName) {
            StepBuilder<S> b = new StepBuilder<>(this, Objects.requireNonNull(stepName, "stepName"));
            steps.add(b);
            return b;
        }

        /** Lints and builds; throws {@link SagaException} listing every problem found. */
        public SagaDefinition<S> build() {
            List<String> problems = new ArrayList<>();
            if (name.isBlank()) {
                problems.add("name must not be blank");
            }
            if (version < 1) {
                problems.add("version must be >= 1, was " + version);
            }
            if (steps.isEmpty()) {
                problems.add("a saga needs at least one step");
            }
            Set<String> names = new HashSet<>();
            String pivot = null;
            String firstRetriable = null;
            for (StepBuilder<S> s : steps) {
                if (s.name.isBlank()) {
                    problems.add("step names must not be blank");
                }
                if (!names.add(s.name)) {
                    problems.add("duplicate step name '" + s.name + "'");
                }
                if (s.action == null) {
                    problems.add("step '" + s.name + "' has no action (call invoke(..))");
                }
                if (s.timeout.isNegative() || s.timeout.isZero()) {
                    problems.add("step '" + s.name + "' timeout must be > 0");
                }
                switch (s.kind) {
                    case COMPENSATABLE -> {
                        if (s.compensation == null && !s.noCompensation) {
                            problems.add("compensatable step '" + s.name
                                    + "' has no compensation (call compensate(..), or noCompensation() if it changes nothing)");
                        }
                        if (pivot != null) {
                            problems.add("compensatable step '" + s.name + "' comes after the pivot step '" + pivot + "'");
                        } else if (firstRetriable != null) {
                            problems.add("compensatable step '" + s.name + "' comes after the retriable step '"
                                    + firstRetriable + "'");
                        }
                    }
                    case PIVOT -> {
                        if (s.compensation != null) {
                            problems.add("pivot step '" + s.name + "' cannot have a compensation");
                        }
                        if (pivot != null) {
                            problems.add("step '" + s.name + "' is a second pivot (the first is '" + pivot + "')");
                        }
                        if (firstRetriable != null) {
                            problems.add("pivot step '" + s.name + "' comes after the retriable step '" + firstRetriable + "'");
                        }
                        pivot = s.name;
                    }
                    case RETRIABLE -> {
                        if (s.compensation != null) {
                            problems.add("retriable step '" + s.name + "' cannot have a compensation");
                        }
                        if (firstRetriable == null) {
                            firstRetriable = s.name;
                        }
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw SagaException.invalidDefinition(name, problems);
            }
            List<SagaStep<S>> built = new ArrayList<>();
            for (StepBuilder<S> s : steps) {
                built.add(new SagaStep<>(s.name, s.kind, s.action, s.compensation, s.timeout, s.retry,
                        s.compensationRetry == null ? s.retry : s.compensationRetry));
            }
            return new SagaDefinition<>(name, version, dataType, built);
        }
    }

    /**
     * Configures one step; {@link #step(String)} opens the next, {@link #build()} finishes.
     *
     * @param <S> the saga data type
     */
    public static final class StepBuilder<S> {
        private final Builder<S> parent;
        private final String name;
        private StepFunction<S> action;
        private StepFunction<S> compensation;
        private boolean noCompensation;
        private StepKind kind = StepKind.COMPENSATABLE;
        private Duration timeout = DEFAULT_TIMEOUT;
        private RetryPolicy retry = RetryPolicy.defaults();
        private RetryPolicy compensationRetry;

        private StepBuilder(Builder<S> parent, String name) {
            this.parent = parent;
            this.name = name;
        }

        /** The action. */
        public StepBuilder<S> invoke(StepFunction<S> function) {
            this.action = Objects.requireNonNull(function, "function");
            return this;
        }

        /** The compensation (makes the step compensatable). */
        public StepBuilder<S> compensate(StepFunction<S> function) {
            this.compensation = Objects.requireNonNull(function, "function");
            return this;
        }

        /** Declares that this compensatable step changes nothing, so there is nothing to undo (e.g. a validation). */
        public StepBuilder<S> noCompensation() {
            this.noCompensation = true;
            return this;
        }

        /** Makes this the pivot: after it succeeds the saga only goes forward. */
        public StepBuilder<S> pivot() {
            this.kind = StepKind.PIVOT;
            return this;
        }

        /** Makes this a retriable (post-pivot) step: retried, never compensated; parked STUCK if it keeps failing. */
        public StepBuilder<S> retriable() {
            this.kind = StepKind.RETRIABLE;
            return this;
        }

        /** How long a "pending" attempt may wait for its reply. */
        public StepBuilder<S> timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Retry policy of the action (and of the compensation unless {@link #compensationRetry} is set). */
        public StepBuilder<S> retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Retry policy of the compensation; once exhausted the saga is parked STUCK. */
        public StepBuilder<S> compensationRetry(RetryPolicy policy) {
            this.compensationRetry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Opens the next step. */
        public StepBuilder<S> step(String stepName) {
            return parent.step(stepName);
        }

        /** Lints and builds the definition. */
        public SagaDefinition<S> build() {
            return parent.build();
        }
    }
}
