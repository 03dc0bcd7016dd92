package dev.comptoir.sim.run;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Output options shared by the simulation commands (a picocli mixin).
 *
 * <pre>{@code
 * @Mixin OutputOptions output;
 * if (output.json) ...
 * }</pre>
 */
public final class OutputOptions {
    @Option(names = "--json", description = "Print one JSON object instead of the summary table.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML report.")
    Path report;

    @Option(names = "--progress", description = "Show a progress bar on stderr even when it is not a terminal.")
    boolean progress;
}
