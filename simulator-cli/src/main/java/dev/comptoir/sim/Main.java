package dev.comptoir.sim;

import picocli.CommandLine;

/** Entry point of {@code comptoir-sim}; all behaviour lives in {@link ComptoirCommand}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(ComptoirCommand.commandLine().execute(args));
    }
}
