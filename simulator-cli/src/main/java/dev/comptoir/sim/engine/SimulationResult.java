package dev.comptoir.sim.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a run: figures, invariants and the state hash.
 *
 * <pre>{@code
 * SimulationResult r = Simulation.embedded(config).run();
 * if (!r.allInvariantsHold()) System.err.println(r.firstFailure());
 * System.out.println(r.stateHash());   // same seed + scenario ⇒ same hash
 * }</pre>
 *
 * @param config               the configuration that ran
 * @param backend              {@code memory} or {@code postgres}
 * @param orders               order sagas started
 * @param completed            order sagas completed
 * @param compensated          order sagas compensated
 * @param failed               order sagas that did not end (stuck or still active)
 * @param compensationsByCause compensated sagas per cause ({@code payment}, {@code stock}, {@code timeout}, ...)
 * @param counters             other figures of the run, in a stable order (POS sales, crashes, claims, ...)
 * @param latencyP50Ms         saga latency, 50th percentile, virtual ms
 * @param latencyP95Ms         95th percentile
 * @param latencyP99Ms         99th percentile
 * @param latencyHistogram     rows of {@code [fromMs, toMs, count]}
 * @param samples              timelines of a few sagas
 * @param invariants           every invariant with its figures
 * @param firstFailure         the first violation ({@code invariant: t=…s event}), or {@code null}
 * @param stateHash            digest of the final state
 * @param virtualSeconds       simulated time covered
 * @param wallSeconds          real time taken
 * @param firstCrash           where the saga runtime first crashed ({@code AFTER_INVOKE of PROCESS_PAYMENT (action)}), or {@code null}
 */
public record SimulationResult(SimulationConfig config, String backend, long orders, long completed, long compensated,
                               long failed, Map<String, Long> compensationsByCause, Map<String, Long> counters,
                               long latencyP50Ms, long latencyP95Ms, long latencyP99Ms, List<long[]> latencyHistogram,
                               List<SagaSample> samples, List<InvariantResult> invariants, String firstFailure,
                               String stateHash, double virtualSeconds, double wallSeconds, String firstCrash) {
    public SimulationResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stateHash, "stateHash");
        compensationsByCause = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(compensationsByCause));
        counters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
        invariants = List.copyOf(invariants);
        samples = List.copyOf(samples);
        latencyHistogram = List.copyOf(latencyHistogram);
    }

    /** True when no invariant was violated. */
    public boolean allInvariantsHold() {
        return invariants.stream().allMatch(InvariantResult::holds);
    }

    /** Order sagas ended per wall second. */
    public double sagasPerSecond() {
        return wallSeconds <= 0 ? 0 : (completed + compensated) / wallSeconds;
    }

    /** Completed share of started orders, in percent. */
    public double completedPercent() {
        return orders == 0 ? 0 : 100.0 * completed / orders;
    }
}
