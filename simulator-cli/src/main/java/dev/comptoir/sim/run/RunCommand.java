package dev.comptoir.sim.run;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code comptoir-sim run}: one simulation, its summary (or JSON) and the invariants.
 *
 * <pre>{@code
 * comptoir-sim run --scenario stock-race --orders 5000 --seed 3 --report out.html
 * comptoir-sim run --backend postgres --bus redis --orders 20000
 * }</pre>
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a simulation (embedded and deterministic by default) and checks every invariant.",
                "Exit 0: all invariants hold; 1: one was violated (the seed and first failing event are printed)."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SimulationOptions options;

    @Mixin
    OutputOptions output;

    @Mixin
    PostgresRunOptions postgres;

    @Override
    public Integer call() {
        return Runner.run(spec, options, output, "run", postgres);
    }
}
