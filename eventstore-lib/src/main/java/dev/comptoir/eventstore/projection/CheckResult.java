package dev.comptoir.eventstore.projection;

import java.util.List;

/**
 * The outcome of comparing a live read model with a fresh rebuild at the same position.
 *
 * <pre>{@code
 * switch (runner.check()) {
 *     case CheckResult.Consistent c -> log.info("ok at {}", c.position());
 *     case CheckResult.Diverged d -> alert(d.differences());
 * }
 * }</pre>
 */
public sealed interface CheckResult {

    /** The position both models were compared at. */
    long position();

    /**
     * Same content.
     *
     * @param position the compared position
     */
    record Consistent(long position) implements CheckResult {
    }

    /**
     * Different content.
     *
     * @param position    the compared position
     * @param differences one line per difference (e.g. {@code "claims: 2 rows only live, 1 only rebuilt"})
     */
    record Diverged(long position, List<String> differences) implements CheckResult {
        public Diverged {
            differences = List.copyOf(differences);
        }
    }
}
