package dev.comptoir.sim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code comptoir-sim} command: a group of subcommands. */
@Command(name = "comptoir-sim",
        mixinStandardHelpOptions = true,
        versionProvider = ComptoirCommand.Version.class,
        description = "Comptoir simulator: multi-store traffic, fault injection, consistency checks and benchmarks.",
        subcommands = {CommandLine.HelpCommand.class})
public final class ComptoirCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Builds the configured command line (used by {@link Main} and by tests). */
    public static CommandLine commandLine() {
        return new CommandLine(new ComptoirCommand());
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
