package dev.comptoir.sim.engine;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a simulation run depends on: the seed, the traffic mix, the catalogue and the
 * faults. The same configuration (same seed) gives the same run on the embedded backend.
 *
 * <pre>{@code
 * SimulationConfig config = SimulationConfig.builder().name("normal-day").seed(42).orders(10_000)
 *         .paymentFailureRate(0.10).stockFailureRate(0.05).build();
 * SimulationResult result = Simulation.embedded(config).run();
 * }</pre>
 *
 * @param name                 scenario name (reported; {@code custom} when built by options)
 * @param description          one line saying what the scenario exercises
 * @param seed                 the single random seed
 * @param orders               e-commerce orders (order sagas) to start, &ge; 0
 * @param orderRatePerSecond   mean e-commerce order arrivals per virtual second, &gt; 0
 * @param products             catalogue size, &ge; 1
 * @param hotProducts          how many products are "hot" (the first ones), 0..products
 * @param hotShare             share of order lines on hot products, 0..1
 * @param initialStock         units of every product at every store and at the logistics centre
 * @param hotStock             units of each hot product at the e-commerce fulfilment store (a stock race when small)
 * @param replenishEverySeconds virtual seconds between supplier deliveries to the fulfilment store
 * @param posSalesPerSecond    POS sales per virtual second over the 5 stores (returns, restocks, transfers follow from it)
 * @param returnShare          returns per POS sale, 0..1
 * @param restockShare         restock requests to the logistics centre per POS sale, 0..1
 * @param transferShare        inter-store transfers per POS sale, 0..1
 * @param reportEverySeconds   virtual seconds between head-office reports
 * @param claimShare           share of completed orders that get a product claim, 0..1
 * @param paymentFailureRate   payment gateway decline probability (the seed's {@code failure_rate}, 0..1)
 * @param failureAmounts       amounts that are always declined (the seed's {@code failure_amounts})
 * @param stockFailureRate     probability that the stock participant reports a shortage, 0..1
 * @param latencyRate          share of payment calls whose reply comes late (asynchronously), 0..1
 * @param latencyMeanMillis    mean reply latency of those calls (virtual ms)
 * @param stepTimeoutMillis    the order saga's step timeout (virtual ms)
 * @param crashRate            probability of a saga-runtime crash at each step boundary, 0..1
 * @param projectionCrashRate  probability that a projection runner crashes at a poll, 0..1
 * @param duplicateRate        bus: probability a delivery is duplicated, 0..1
 * @param delayRate            bus: probability a delivery is delayed, 0..1
 * @param reorderRate          bus: probability a delivery is reordered, 0..1
 * @param consumerDeathRate    bus: probability a consumer dies with pending messages, per poll, 0..1
 * @param checkEverySeconds    run the checker every that many virtual seconds too (0: only at the end)
 * @param sabotage             test-only faults planted in the system to prove the checker catches them
 * @param crashAtBoundary      crash the saga runtime at exactly this step boundary of the run (1-based; 0: never),
 *                             for {@code explore --crash-points}
 */
public record SimulationConfig(String name, String description, long seed, long orders, double orderRatePerSecond,
                               int products, int hotProducts, double hotShare, int initialStock, int hotStock,
                               int replenishEverySeconds, double posSalesPerSecond, double returnShare,
                               double restockShare, double transferShare, int reportEverySeconds, double claimShare,
                               double paymentFailureRate, List<BigDecimal> failureAmounts, double stockFailureRate,
                               double latencyRate, int latencyMeanMillis, int stepTimeoutMillis, double crashRate,
                               double projectionCrashRate, double duplicateRate, double delayRate, double reorderRate,
                               double consumerDeathRate, int checkEverySeconds, Set<Sabotage> sabotage,
                               long crashAtBoundary) {

    public SimulationConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        for (BigDecimal a : failureAmounts) {
            if (a == null || a.signum() <= 0) {
                throw SimulationException.badConfig("failure_amounts", "amounts must be > 0, was " + a);
            }
        }
        failureAmounts = failureAmounts.stream().map(a -> a.setScale(2, java.math.RoundingMode.HALF_UP)).toList();
        sabotage = sabotage.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sabotage));
        requireAtLeast("orders", orders, 0);
        if (!(orderRatePerSecond > 0)) {
            throw SimulationException.badConfig("order_rate", "must be > 0, was " + orderRatePerSecond);
        }
        requireAtLeast("products", products, 1);
        if (hotProducts < 0 || hotProducts > products) {
            throw SimulationException.badConfig("hot_products", "must be in 0.." + products + ", was " + hotProducts);
        }
        requireAtLeast("initial_stock", initialStock, 0);
        requireAtLeast("hot_stock", hotStock, 0);
        requireAtLeast("replenish_every_seconds", replenishEverySeconds, 1);
        if (!(posSalesPerSecond >= 0)) {
            throw SimulationException.badConfig("pos_sales_per_second", "must be >= 0, was " + posSalesPerSecond);
        }
        requireAtLeast("report_every_seconds", reportEverySeconds, 1);
        requireAtLeast("latency_mean_ms", latencyMeanMillis, 0);
        requireAtLeast("step_timeout_ms", stepTimeoutMillis, 1);
        requireAtLeast("check_every_seconds", checkEverySeconds, 0);
        requireAtLeast("crash_at_boundary", crashAtBoundary, 0);
        share("hot_share", hotShare);
        share("return_share", returnShare);
        share("restock_share", restockShare);
        share("transfer_share", transferShare);
        share("claim_share", claimShare);
        share("payment_failure_rate", paymentFailureRate);
        share("stock_failure_rate", stockFailureRate);
        share("latency_rate", latencyRate);
        share("crash_rate", crashRate);
        share("projection_crash_rate", projectionCrashRate);
        share("duplicate_rate", duplicateRate);
        share("delay_rate", delayRate);
        share("reorder_rate", reorderRate);
        share("consumer_death_rate", consumerDeathRate);
    }

    /** A builder starting from the defaults of the {@code normal-day} scenario. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void requireAtLeast(String field, long value, long min) {
        if (value < min) {
            throw SimulationException.badConfig(field, "must be >= " + min + ", was " + value);
        }
    }

    private static void share(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw SimulationException.badConfig(field, "must be in [0, 1], was " + value);
        }
    }

    /** Mutable builder of {@link SimulationConfig}; not thread-safe. */
    public static final class Builder {
        private String name = "custom";
        private String description = "options given on the command line";
        private long seed = 42;
        private long orders = 20_000;
        private double orderRatePerSecond = 50;
        private int products = 200;
        private int hotProducts = 0;
        private double hotShare = 0;
        private int initialStock = 500;
        private int hotStock = 100;
        private int replenishEverySeconds = 60;
        private double posSalesPerSecond = 5;
        private double returnShare = 0.05;
        private double restockShare = 0.10;
        private double transferShare = 0.05;
        private int reportEverySeconds = 300;
        private double claimShare = 0.02;
        private double paymentFailureRate = 0.10;
        private List<BigDecimal> failureAmounts = List.of();
        private double stockFailureRate = 0.05;
        private double latencyRate = 0.05;
        private int latencyMeanMillis = 2_000;
        private int stepTimeoutMillis = 30_000;
        private double crashRate = 0;
        private double projectionCrashRate = 0;
        private double duplicateRate = 0;
        private double delayRate = 0;
        private double reorderRate = 0;
        private double consumerDeathRate = 0;
        private int checkEverySeconds = 0;
        private Set<Sabotage> sabotage = Set.of();
        private long crashAtBoundary;

        private Builder() {
        }

        private Builder(SimulationConfig c) {
            name = c.name;
            description = c.description;
            seed = c.seed;
            orders = c.orders;
            orderRatePerSecond = c.orderRatePerSecond;
            products = c.products;
            hotProducts = c.hotProducts;
            hotShare = c.hotShare;
            initialStock = c.initialStock;
            hotStock = c.hotStock;
            replenishEverySeconds = c.replenishEverySeconds;
            posSalesPerSecond = c.posSalesPerSecond;
            returnShare = c.returnShare;
            restockShare = c.restockShare;
            transferShare = c.transferShare;
            reportEverySeconds = c.reportEverySeconds;
            claimShare = c.claimShare;
            paymentFailureRate = c.paymentFailureRate;
            failureAmounts = c.failureAmounts;
            stockFailureRate = c.stockFailureRate;
            latencyRate = c.latencyRate;
            latencyMeanMillis = c.latencyMeanMillis;
            stepTimeoutMillis = c.stepTimeoutMillis;
            crashRate = c.crashRate;
            projectionCrashRate = c.projectionCrashRate;
            duplicateRate = c.duplicateRate;
            delayRate = c.delayRate;
            reorderRate = c.reorderRate;
            consumerDeathRate = c.consumerDeathRate;
            checkEverySeconds = c.checkEverySeconds;
            sabotage = c.sabotage;
            crashAtBoundary = c.crashAtBoundary;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder orders(long v) { orders = v; return this; }
        public Builder orderRatePerSecond(double v) { orderRatePerSecond = v; return this; }
        public Builder products(int v) { products = v; return this; }
        public Builder hotProducts(int v) { hotProducts = v; return this; }
        public Builder hotShare(double v) { hotShare = v; return this; }
        public Builder initialStock(int v) { initialStock = v; return this; }
        public Builder hotStock(int v) { hotStock = v; return this; }
        public Builder replenishEverySeconds(int v) { replenishEverySeconds = v; return this; }
        public Builder posSalesPerSecond(double v) { posSalesPerSecond = v; return this; }
        public Builder returnShare(double v) { returnShare = v; return this; }
        public Builder restockShare(double v) { restockShare = v; return this; }
        public Builder transferShare(double v) { transferShare = v; return this; }
        public Builder reportEverySeconds(int v) { reportEverySeconds = v; return this; }
        public Builder claimShare(double v) { claimShare = v; return this; }
        public Builder paymentFailureRate(double v) { paymentFailureRate = v; return this; }
        public Builder failureAmounts(List<BigDecimal> v) { failureAmounts = v; return this; }
        public Builder stockFailureRate(double v) { stockFailureRate = v; return this; }
        public Builder latencyRate(double v) { latencyRate = v; return this; }
        public Builder latencyMeanMillis(int v) { latencyMeanMillis = v; return this; }
        public Builder stepTimeoutMillis(int v) { stepTimeoutMillis = v; return this; }
        public Builder crashRate(double v) { crashRate = v; return this; }
        public Builder projectionCrashRate(double v) { projectionCrashRate = v; return this; }
        public Builder duplicateRate(double v) { duplicateRate = v; return this; }
        public Builder delayRate(double v) { delayRate = v; return this; }
        public Builder reorderRate(double v) { reorderRate = v; return this; }
        public Builder consumerDeathRate(double v) { consumerDeathRate = v; return this; }
        public Builder checkEverySeconds(int v) { checkEverySeconds = v; return this; }
        public Builder sabotage(Set<Sabotage> v) { sabotage = v; return this; }
        public Builder crashAtBoundary(long v) { crashAtBoundary = v; return this; }

        /** Validates and builds; a bad value throws {@link SimulationException} naming the field. */
        public SimulationConfig build() {
            return new SimulationConfig(name, description, seed, orders, orderRatePerSecond, products, hotProducts,
                    hotShare, initialStock, hotStock, replenishEverySeconds, posSalesPerSecond, returnShare,
                    restockShare, transferShare, reportEverySeconds, claimShare, paymentFailureRate, failureAmounts,
                    stockFailureRate, latencyRate, latencyMeanMillis, stepTimeoutMillis, crashRate,
                    projectionCrashRate, duplicateRate, delayRate, reorderRate, consumerDeathRate, checkEverySeconds,
                    sabotage, crashAtBoundary);
        }
    }
}
