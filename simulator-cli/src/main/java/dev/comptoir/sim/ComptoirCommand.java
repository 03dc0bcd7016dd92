package dev.comptoir.sim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code comptoir-sim} command: a group of subcommands. */
@Command(name = "comptoir-sim",
        mixinStandardHelpOptions = true,
        versionProvider = ComptoirCommand.Version.class,
        description = "Comptoir simulator: multi-store traffic, fault injection, consistency checks and benchmarks.",
        subcommands = {dev.comptoir.sim.run.RunCommand.class, dev.comptoir.sim.run.ReplayCommand.class,
                dev.comptoir.sim.run.ExploreCommand.class, dev.comptoir.sim.run.ScenariosCommand.class,
                dev.comptoir.sim.bench.BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (all invariants hold)", "1:an invariant was violated",
                "2:bad usage or bad input file", "3:runtime failure (e.g. a database is unreachable)"})
public final class ComptoirCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Builds the configured command line (used by {@link Main} and by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ComptoirCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("comptoir-sim: " + describe(ex));
            commandLine.getErr().flush();
            return EXIT_RUNTIME_FAILURE;
        });
        return cl;
    }

    /** Exit code when an invariant is violated. */
    public static final int EXIT_VIOLATION = 1;
    /** Exit code for bad usage or bad input (picocli's default for parameter errors). */
    public static final int EXIT_USAGE = 2;
    /** Exit code when the run itself failed (infrastructure unreachable, internal error). */
    public static final int EXIT_RUNTIME_FAILURE = 3;

    private static String describe(Exception ex) {
        StringBuilder sb = new StringBuilder(String.valueOf(ex.getMessage()));
        Throwable c = ex.getCause();
        while (c != null && c != c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
            c = c.getCause();
        }
        return ex.getClass().getSimpleName() + ": " + sb;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ComptoirCommand.class.getPackage().getImplementationVersion();
            return new String[] {"comptoir-sim " + (v == null ? "dev" : v),
                    "JVM " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
