package dev.comptoir.sim.run;

import dev.comptoir.sim.engine.Scenarios;
import dev.comptoir.sim.engine.SimulationConfig;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code run}, {@code replay} and {@code explore} (a picocli mixin): the
 * scenario, and the values that override it.
 *
 * <pre>{@code
 * @Mixin SimulationOptions options;
 * SimulationConfig config = options.config();
 * }</pre>
 */
public final class SimulationOptions {
    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "A named scenario (see 'scenarios') or a YAML/JSON file (default: normal-day).")
    String scenario = "normal-day";

    @Option(names = "--orders", paramLabel = "N", description = "E-commerce orders to run (overrides the scenario).")
    Long orders;

    @Option(names = "--seed", paramLabel = "S", description = "The random seed (overrides the scenario).")
    Long seed;

    @Option(names = "--backend", paramLabel = "memory|postgres",
            description = "memory: embedded, one thread, deterministic (default); postgres: the machine's PostgreSQL.")
    String backend = "memory";

    @Option(names = "--bus", paramLabel = "memory|redis", description = "Message bus of the postgres backend (default: memory).")
    String bus = "memory";

    @Option(names = "--order-rate", paramLabel = "PER_SECOND", description = "Mean order arrivals per virtual second.")
    Double orderRate;

    @Option(names = "--products", paramLabel = "N", description = "Catalogue size.")
    Integer products;

    @Option(names = "--payment-failure-rate", paramLabel = "P", description = "Payment decline probability, 0..1 (the seed's failure_rate).")
    Double paymentFailureRate;

    @Option(names = "--failure-amounts", paramLabel = "A,B", split = ",",
            description = "Amounts that are always declined (the seed's failure_amounts).")
    List<BigDecimal> failureAmounts;

    @Option(names = "--stock-failure-rate", paramLabel = "P", description = "Injected stock shortage probability, 0..1.")
    Double stockFailureRate;

    @Option(names = "--crash-rate", paramLabel = "P", description = "Saga runtime crash probability per step boundary, 0..1.")
    Double crashRate;

    @Option(names = "--projection-crash-rate", paramLabel = "P", description = "Projection runner crash probability per poll, 0..1.")
    Double projectionCrashRate;

    @Option(names = "--duplicate-rate", paramLabel = "P", description = "Bus delivery duplication probability, 0..1.")
    Double duplicateRate;

    @Option(names = "--latency-rate", paramLabel = "P", description = "Share of payment replies that come late, 0..1.")
    Double latencyRate;

    @Option(names = "--check-every", paramLabel = "SECONDS", description = "Also check invariants every that many virtual seconds.")
    Integer checkEvery;

    @Option(names = "--sabotage", hidden = true, split = ",", paramLabel = "DEFECT",
            description = "Test only: plant a defect (${COMPLETION-CANDIDATES}) to see the checker catch it.")
    java.util.Set<dev.comptoir.sim.engine.Sabotage> sabotage;

    /** The scenario with the given overrides applied. */
    SimulationConfig config() {
        SimulationConfig.Builder b = Scenarios.load(scenario).toBuilder();
        if (orders != null) b.orders(orders);
        if (seed != null) b.seed(seed);
        if (orderRate != null) b.orderRatePerSecond(orderRate);
        if (products != null) b.products(products);
        if (paymentFailureRate != null) b.paymentFailureRate(paymentFailureRate);
        if (failureAmounts != null) b.failureAmounts(failureAmounts);
        if (stockFailureRate != null) b.stockFailureRate(stockFailureRate);
        if (crashRate != null) b.crashRate(crashRate);
        if (projectionCrashRate != null) b.projectionCrashRate(projectionCrashRate);
        if (duplicateRate != null) b.duplicateRate(duplicateRate);
        if (latencyRate != null) b.latencyRate(latencyRate);
        if (checkEvery != null) b.checkEverySeconds(checkEvery);
        if (sabotage != null) b.sabotage(sabotage);
        return b.build();
    }
}
