package dev.comptoir.sim;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code comptoir-sim} in-process for a test and keeps what it printed.
 *
 * <pre>{@code
 * Cli cli = new Cli();
 * assertThat(cli.run("bench", "saga", "--json")).isZero();
 * JsonNode json = new ObjectMapper().readTree(cli.out());
 * }</pre>
 */
public final class Cli {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the command line {@code args}; returns its exit code. Output accumulates across runs. */
    public int run(String... args) {
        CommandLine cl = ComptoirCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** Everything printed on standard output so far. */
    public String out() {
        return out.toString();
    }

    /** Everything printed on standard error so far. */
    public String err() {
        return err.toString();
    }

    /** Forgets the standard output printed so far. */
    public void clearOut() {
        out.getBuffer().setLength(0);
    }
}
