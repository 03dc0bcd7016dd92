package dev.comptoir.sim.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code bench} command group. Every benchmark prints its figures beside a baseline measured
 * in the same run (the machine is noisy, so only ratios are comparable across runs).
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks, each reported beside a raw baseline measured in the same run.",
        subcommands = {
                BenchCoreCommand.class,
                BenchEventStoreCommand.class,
                BenchBusCommand.class,
                BenchSagaCommand.class,
        })
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing benchmark: choose one of "
                + spec.subcommands().keySet());
    }
}
