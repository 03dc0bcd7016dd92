package dev.comptoir.sim.engine;

import java.util.Objects;

/**
 * One named invariant after a run.
 *
 * <pre>{@code
 * result.invariants().stream().filter(i -> !i.holds()).forEach(i -> System.err.println(i.firstFailure()));
 * }</pre>
 *
 * @param name         e.g. {@code stock-conservation}
 * @param holds        true when no violation was seen
 * @param detail       the figures checked (or the violation count)
 * @param firstFailure the first failing event, replayable with the run's seed; {@code null} when it holds
 */
public record InvariantResult(String name, boolean holds, String detail, String firstFailure) {
    public InvariantResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        if (holds && firstFailure != null) {
            throw new IllegalArgumentException("an invariant that holds has no failure");
        }
    }
}
