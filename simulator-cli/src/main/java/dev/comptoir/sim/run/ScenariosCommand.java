package dev.comptoir.sim.run;

import dev.comptoir.sim.engine.Scenarios;
import dev.comptoir.sim.engine.SimulationConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code comptoir-sim scenarios}: lists the named scenarios with their descriptions.
 *
 * <pre>{@code
 * comptoir-sim scenarios
 * }</pre>
 */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "Lists the named scenarios (use one with 'run --scenario NAME').")
public final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String name : Scenarios.NAMES) {
            SimulationConfig c = Scenarios.load(name);
            out.printf("%-15s %s%n", name, c.description());
            out.printf("%-15s seed %d, %d orders at %.0f/s, %d products, faults: payment %.0f %%, stock %.0f %%, crash %.1f %%%n",
                    "", c.seed(), c.orders(), c.orderRatePerSecond(), c.products(), c.paymentFailureRate() * 100,
                    c.stockFailureRate() * 100, c.crashRate() * 100);
        }
        out.flush();
        return 0;
    }
}
