package dev.comptoir.sim.run;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code comptoir-sim replay --seed S}: re-runs a seed (e.g. one that {@code run} or
 * {@code explore} reported as failing) and prints the same state hash.
 *
 * <pre>{@code
 * comptoir-sim replay --scenario crash-storm --seed 1234
 * }</pre>
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-runs one seed of a scenario on the embedded backend; same seed and options, same run and state hash."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SimulationOptions options;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (options.seed == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--seed=S'");
        }
        if (!"memory".equals(options.backend)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "replay needs the deterministic embedded backend (--backend memory)");
        }
        return Runner.run(spec, options, output, "replay");
    }
}
