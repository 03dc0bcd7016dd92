package dev.comptoir.sim.engine;

import java.util.List;
import java.util.Objects;

/**
 * The timeline of one sampled saga, in virtual milliseconds since the start of the run (for the
 * HTML report's timeline chart).
 *
 * <pre>{@code
 * result.samples().forEach(s -> System.out.println(s.sagaId() + " " + s.outcome()));
 * }</pre>
 *
 * @param sagaId  the saga
 * @param outcome final state, e.g. {@code COMPLETED}
 * @param cause   failure cause, or {@code null}
 * @param startMs start
 * @param endMs   end
 * @param steps   step spans in execution order
 */
public record SagaSample(String sagaId, String outcome, String cause, long startMs, long endMs, List<Span> steps) {
    public SagaSample {
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(outcome, "outcome");
        steps = List.copyOf(steps);
    }

    /**
     * One step invocation.
     *
     * @param step        step name
     * @param compensation true for a compensation
     * @param state       final state of the invocation
     * @param attempts    attempts made
     * @param startMs     start
     * @param endMs       end
     */
    public record Span(String step, boolean compensation, String state, int attempts, long startMs, long endMs) {
        public Span {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(state, "state");
        }
    }
}
