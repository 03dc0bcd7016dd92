package dev.comptoir.sim.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.comptoir.sim.ComptoirCommand;
import dev.comptoir.sim.engine.InvariantResult;
import dev.comptoir.sim.engine.PostgresSettings;
import dev.comptoir.sim.engine.PostgresSimulation;
import dev.comptoir.sim.engine.Simulation;
import dev.comptoir.sim.engine.SimulationConfig;
import dev.comptoir.sim.engine.SimulationException;
import dev.comptoir.sim.engine.SimulationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a configured simulation for a command and prints its outcome (summary table or JSON). */
final class Runner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private Runner() {
    }

    static int run(CommandSpec spec, SimulationOptions options, OutputOptions output, String verb) {
        return run(spec, options, output, verb, null);
    }

    /** As {@link #run(CommandSpec, SimulationOptions, OutputOptions, String)}; {@code postgres} is null when the command has no postgres backend. */
    static int run(CommandSpec spec, SimulationOptions options, OutputOptions output, String verb,
                   PostgresRunOptions postgres) {
        SimulationConfig config = configure(spec, options);
        boolean embedded = "memory".equals(options.backend);
        long cpuBefore = embedded ? THREADS.getCurrentThreadCpuTime() : processCpuNanos();
        SimulationResult result = execute(spec, options, output, config, postgres);
        // the embedded run is one thread: its CPU time is what the run costs, whatever else the machine does;
        // the postgres run has many threads (and a database): the whole process's CPU time is reported instead
        double cpuSeconds = ((embedded ? THREADS.getCurrentThreadCpuTime() : processCpuNanos()) - cpuBefore) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ObjectNode o = json(result);
            o.put(embedded ? "simulationThreadCpuSeconds" : "processCpuSeconds", Math.round(cpuSeconds * 1000) / 1000.0);
            out.println(o);
        } else {
            printSummary(out, result);
            out.printf("%-28s %12.2f s%n", embedded ? "cpu time (simulation thread)" : "cpu time (whole process)",
                    cpuSeconds);
        }
        out.flush();
        if (output.report != null) {
            try {
                HtmlReport.write(output.report, result);
            } catch (IOException e) {
                throw SimulationException.runFailed("cannot write the report " + output.report, e);
            }
            spec.commandLine().getErr().println("report written to " + output.report);
        }
        if (!result.allInvariantsHold()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("INVARIANT VIOLATED — seed " + config.seed() + ", scenario " + config.name());
            err.println("first failing event: " + result.firstFailure());
            if ("memory".equals(options.backend)) {
                err.println("replay with: comptoir-sim replay " + replayArguments(options, config));
            } else {
                err.println("run again with: comptoir-sim run --backend " + options.backend + " --bus " + options.bus + " "
                        + replayArguments(options, config) + "  (the postgres backend is not deterministic;"
                        + " the embedded replay of the same seed is a different run)");
            }
            err.flush();
            return ComptoirCommand.EXIT_VIOLATION;
        }
        return 0;
    }

    /** CPU time of the whole JVM process (every thread), in nanoseconds; 0 when the JVM cannot tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    static SimulationConfig configure(CommandSpec spec, SimulationOptions options) {
        try {
            return options.config();
        } catch (SimulationException e) {
            if (e.isBadInput()) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            throw e;
        }
    }

    static SimulationResult execute(CommandSpec spec, SimulationOptions options, OutputOptions output,
                                    SimulationConfig config, PostgresRunOptions postgres) {
        if (!"memory".equals(options.bus) && !"redis".equals(options.bus)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--bus must be memory or redis, was '" + options.bus + "'");
        }
        Function<LongConsumer, SimulationResult> run;
        switch (options.backend) {
            case "memory" -> {
                if (!"memory".equals(options.bus)) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--bus " + options.bus + " needs --backend postgres (the embedded backend runs its bus in memory)");
                }
                run = progress -> Simulation.embedded(config).onProgress(progress).run();
            }
            case "postgres" -> {
                if (postgres == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--backend postgres is available with 'run' only (this command needs the deterministic embedded backend)");
                }
                PostgresSettings settings = badInputAsUsage(spec, () -> postgres.settings(options.bus));
                run = progress -> badInputAsUsage(spec,
                        () -> PostgresSimulation.of(config, settings).onProgress(progress).run());
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--backend must be memory or postgres, was '" + options.backend + "'");
        }
        boolean showProgress = output.progress || (System.console() != null && !output.json);
        if (!showProgress || config.orders() < 2_000) {
            return run.apply(n -> { });
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(config.name()).setInitialMax(config.orders())
                .setStyle(ProgressBarStyle.ASCII).setUnit(" sagas", 1).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            SimulationResult r = run.apply(bar::stepTo);
            bar.stepTo(r.completed() + r.compensated());
            return r;
        }
    }

    /** Runs {@code body}; a bad-input {@link SimulationException} (an unreachable database, a bad option) becomes exit code 2. */
    private static <T> T badInputAsUsage(CommandSpec spec, Supplier<T> body) {
        try {
            return body.get();
        } catch (SimulationException e) {
            if (e.isBadInput()) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            throw e;
        }
    }

    static String replayArguments(SimulationOptions options, SimulationConfig config) {
        StringBuilder sb = new StringBuilder("--scenario ").append(options.scenario).append(" --seed ").append(config.seed());
        if (options.orders != null) sb.append(" --orders ").append(options.orders);
        if (options.orderRate != null) sb.append(" --order-rate ").append(options.orderRate);
        if (options.products != null) sb.append(" --products ").append(options.products);
        if (options.paymentFailureRate != null) sb.append(" --payment-failure-rate ").append(options.paymentFailureRate);
        if (options.failureAmounts != null) {
            sb.append(" --failure-amounts ").append(String.join(",", options.failureAmounts.stream().map(Object::toString).toList()));
        }
        if (options.stockFailureRate != null) sb.append(" --stock-failure-rate ").append(options.stockFailureRate);
        if (options.crashRate != null) sb.append(" --crash-rate ").append(options.crashRate);
        if (options.projectionCrashRate != null) sb.append(" --projection-crash-rate ").append(options.projectionCrashRate);
        if (options.duplicateRate != null) sb.append(" --duplicate-rate ").append(options.duplicateRate);
        if (options.latencyRate != null) sb.append(" --latency-rate ").append(options.latencyRate);
        if (options.checkEvery != null) sb.append(" --check-every ").append(options.checkEvery);
        if (options.sabotage != null) {
            sb.append(" --sabotage ").append(String.join(",", options.sabotage.stream().map(Enum::name).sorted().toList()));
        }
        return sb.toString();
    }

    static void printSummary(PrintWriter out, SimulationResult r) {
        SimulationConfig c = r.config();
        out.printf("Comptoir simulation — scenario %s, seed %d, backend %s%n", c.name(), c.seed(), r.backend());
        out.printf("  %s%n%n", c.description());
        out.printf("%-28s %12s%n", "e-commerce orders", r.orders());
        out.printf("%-28s %12d  %6.2f %%%n", "  completed", r.completed(), r.completedPercent());
        out.printf("%-28s %12d  %6.2f %%%n", "  compensated", r.compensated(), pct(r.compensated(), r.orders()));
        for (Map.Entry<String, Long> e : r.compensationsByCause().entrySet()) {
            out.printf("%-28s %12d%n", "    cause: " + e.getKey(), e.getValue());
        }
        out.printf("%-28s %12d%n", "  failed (not terminal)", r.failed());
        out.printf("%-28s %9d ms / %d ms / %d ms%n", "saga latency p50/p95/p99", r.latencyP50Ms(), r.latencyP95Ms(),
                r.latencyP99Ms());
        out.println();
        for (Map.Entry<String, Long> e : r.counters().entrySet()) {
            out.printf("%-28s %12d%n", e.getKey(), e.getValue());
        }
        out.println();
        if ("memory".equals(r.backend())) {
            out.printf("%-28s %12.1f s (%.1f h)%n", "virtual time", r.virtualSeconds(), r.virtualSeconds() / 3600);
        } else {
            out.printf("%-28s %12.2f s%n", "order phase (wall)", r.virtualSeconds());
        }
        out.printf("%-28s %12.2f s%n", "wall time", r.wallSeconds());
        out.printf("%-28s %12.0f%n", "sagas per second (wall)", r.sagasPerSecond());
        out.println();
        out.println("Invariants");
        for (InvariantResult i : r.invariants()) {
            out.printf("  %-4s %-26s %s%n", i.holds() ? "ok" : "FAIL", i.name(), i.detail());
            if (!i.holds()) {
                out.printf("       %-26s first: %s%n", "", i.firstFailure());
            }
        }
        out.println();
        if ("memory".equals(r.backend())) {
            out.printf("state hash %s  (same seed and scenario ⇒ same hash)%n", r.stateHash());
        } else {
            out.printf("state hash %s  (digest of the final PostgreSQL state; not reproducible: real threads)%n",
                    r.stateHash());
        }
        out.println(r.allInvariantsHold() ? "ALL INVARIANTS HOLD" : "INVARIANT VIOLATED — seed " + c.seed());
    }

    private static double pct(long n, long of) {
        return of == 0 ? 0 : 100.0 * n / of;
    }

    static ObjectNode json(SimulationResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", r.config().name());
        o.put("seed", r.config().seed());
        o.put("backend", r.backend());
        o.put("orders", r.orders());
        o.put("completed", r.completed());
        o.put("compensated", r.compensated());
        o.put("failed", r.failed());
        o.put("completedPercent", Math.round(r.completedPercent() * 100) / 100.0);
        ObjectNode causes = o.putObject("compensationsByCause");
        r.compensationsByCause().forEach(causes::put);
        ObjectNode lat = o.putObject("sagaLatencyMs");
        lat.put("p50", r.latencyP50Ms());
        lat.put("p95", r.latencyP95Ms());
        lat.put("p99", r.latencyP99Ms());
        ObjectNode counters = o.putObject("counters");
        r.counters().forEach(counters::put);
        o.put("stateHash", r.stateHash());
        o.put("virtualSeconds", r.virtualSeconds());
        o.put("wallSeconds", Math.round(r.wallSeconds() * 1000) / 1000.0);
        o.put("sagasPerSecond", Math.round(r.sagasPerSecond()));
        o.put("allInvariantsHold", r.allInvariantsHold());
        if (r.firstFailure() != null) {
            o.put("firstFailure", r.firstFailure());
        }
        ArrayNode inv = o.putArray("invariants");
        for (InvariantResult i : r.invariants()) {
            ObjectNode n = inv.addObject();
            n.put("name", i.name());
            n.put("holds", i.holds());
            n.put("detail", i.detail());
            if (i.firstFailure() != null) {
                n.put("firstFailure", i.firstFailure());
            }
        }
        return o;
    }
}
