package dev.comptoir.sim.engine;

/**
 * The simulator's unchecked root exception. {@link #isBadInput()} tells a bad configuration or
 * scenario file (exit code 2) from a failure of the run itself (exit code 3).
 *
 * <pre>{@code
 * throw SimulationException.badConfig("orders", "must be >= 0, was -1");
 * }</pre>
 */
public final class SimulationException extends RuntimeException {
    private final boolean badInput;
    private final String field;

    private SimulationException(String message, String field, boolean badInput, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.badInput = badInput;
    }

    /** A configuration value is invalid; {@code field} names it as in scenario files. */
    public static SimulationException badConfig(String field, String problem) {
        return new SimulationException("invalid field '" + field + "': " + problem, field, true, null);
    }

    /** A command-line option is invalid, or names something that cannot be reached (a database URL). */
    public static SimulationException badOption(String option, String problem) {
        return new SimulationException(option + " " + problem, option, true, null);
    }

    /** A scenario file cannot be read or parsed. */
    public static SimulationException badScenario(String source, String problem, Throwable cause) {
        return new SimulationException("bad scenario " + source + ": " + problem, null, true, cause);
    }

    /** The run failed (an infrastructure fault or a bug), not because of its input. */
    public static SimulationException runFailed(String what, Throwable cause) {
        return new SimulationException(what, null, false, cause);
    }

    /** True when the input (options or scenario file) is at fault. */
    public boolean isBadInput() {
        return badInput;
    }

    /** The offending field, or {@code null}. */
    public String field() {
        return field;
    }
}
