package dev.comptoir.sim.run;

import dev.comptoir.sim.ComptoirCommand;
import dev.comptoir.sim.engine.Simulation;
import dev.comptoir.sim.engine.SimulationConfig;
import dev.comptoir.sim.engine.SimulationResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code comptoir-sim explore}: runs many seeds of a (small) scenario and prints one line per
 * seed; any violation exits 1 with the seeds to replay.
 *
 * <pre>{@code
 * comptoir-sim explore --scenario crash-storm --orders 300 --seeds 50
 * }</pre>
 */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs many seeds of a scenario on the embedded backend and summarises them (one row per seed).",
                "The scenario's order count is capped by --orders (default 500) to keep each run small."})
public final class ExploreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SimulationOptions options;

    @Option(names = "--seeds", paramLabel = "N", description = "How many seeds to run (default: ${DEFAULT-VALUE}).")
    int seeds = 20;

    @Option(names = "--first-seed", paramLabel = "S", description = "The first seed; the others follow (default: ${DEFAULT-VALUE}).")
    long firstSeed = 1;

    @Option(names = "--crash-points", description = {"Instead of many seeds: run the scenario once per saga step boundary,",
            "crashing the saga runtime exactly there (use a small --orders, default 10 in this mode)."})
    boolean crashPoints;

    @Option(names = "--max-points", paramLabel = "N", description = "Cap on crash points tried (default: ${DEFAULT-VALUE}).")
    int maxPoints = 500;

    @Override
    public Integer call() {
        if (seeds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds must be >= 1, was " + seeds);
        }
        if (!"memory".equals(options.backend)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "explore runs on the embedded backend only");
        }
        if (options.orders == null) {
            options.orders = crashPoints ? 10L : 500L;
        }
        SimulationConfig base = Runner.configure(spec, options);
        PrintWriter out = spec.commandLine().getOut();
        if (crashPoints) {
            return exploreCrashPoints(base, out);
        }
        out.printf("%-12s %8s %9s %11s %7s %8s %10s %-32s %s%n", "seed", "orders", "completed", "compensated",
                "failed", "crashes", "wall s", "state hash", "invariants");
        int failures = 0;
        long firstFailing = -1;
        for (int i = 0; i < seeds; i++) {
            long seed = firstSeed + i;
            SimulationResult r = Simulation.embedded(base.toBuilder().seed(seed).build()).run();
            boolean ok = r.allInvariantsHold();
            out.printf("%-12d %8d %9d %11d %7d %8d %10.2f %-32s %s%n", seed, r.orders(), r.completed(),
                    r.compensated(), r.failed(), r.counters().getOrDefault("runtimeCrashes", 0L), r.wallSeconds(),
                    r.stateHash(), ok ? "ok" : "FAIL " + r.firstFailure());
            out.flush();
            if (!ok) {
                failures++;
                if (firstFailing < 0) {
                    firstFailing = seed;
                }
            }
        }
        out.printf("%n%d of %d seeds hold every invariant%n", seeds - failures, seeds);
        out.flush();
        if (failures > 0) {
            SimulationOptions o = options;
            o.seed = firstFailing;
            spec.commandLine().getErr().println("replay the first failing seed with: comptoir-sim replay "
                    + Runner.replayArguments(o, base.toBuilder().seed(firstFailing).build()));
            spec.commandLine().getErr().flush();
            return ComptoirCommand.EXIT_VIOLATION;
        }
        return 0;
    }

    private int exploreCrashPoints(SimulationConfig base, PrintWriter out) {
        SimulationConfig clean = base.toBuilder().crashRate(0).crashAtBoundary(0).build();
        SimulationResult dry = Simulation.embedded(clean).run();
        long points = Math.min(dry.counters().getOrDefault("stepBoundaries", 0L), maxPoints);
        out.printf("seed %d, %d orders: %d step boundaries without crash (hash %s); trying %d crash points%n%n",
                clean.seed(), clean.orders(), dry.counters().getOrDefault("stepBoundaries", 0L), dry.stateHash(), points);
        out.printf("%-6s %-48s %9s %11s %7s %s%n", "point", "crash at", "completed", "compensated", "failed", "invariants");
        int failures = 0;
        long firstFailing = -1;
        for (long k = 1; k <= points; k++) {
            SimulationResult r = Simulation.embedded(clean.toBuilder().crashAtBoundary(k).build()).run();
            boolean ok = r.allInvariantsHold();
            out.printf("%-6d %-48s %9d %11d %7d %s%n", k, String.valueOf(r.firstCrash()), r.completed(), r.compensated(),
                    r.failed(), ok ? "ok" : "FAIL " + r.firstFailure());
            out.flush();
            if (!ok) {
                failures++;
                if (firstFailing < 0) {
                    firstFailing = k;
                }
            }
        }
        out.printf("%n%d of %d crash points hold every invariant%n", points - failures, points);
        out.flush();
        if (failures > 0) {
            spec.commandLine().getErr().println("first failing crash point: " + firstFailing);
            spec.commandLine().getErr().flush();
            return ComptoirCommand.EXIT_VIOLATION;
        }
        return 0;
    }
}
