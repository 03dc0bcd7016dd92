package dev.comptoir.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static SimulationConfig.Builder small() {
        return SimulationConfig.builder().name("test").orders(400).orderRatePerSecond(40).products(30)
                .initialStock(200).posSalesPerSecond(4).claimShare(0.05);
    }

    private static SimulationResult run(SimulationConfig.Builder b) {
        return Simulation.embedded(b.build()).run();
    }

    private static InvariantResult invariant(SimulationResult r, String name) {
        return r.invariants().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void run_sameSeedTwice_sameStateHashAndFigures() {
        SimulationResult a = run(small().seed(5).crashRate(0.02));
        SimulationResult b = run(small().seed(5).crashRate(0.02));

        assertThat(a.stateHash()).isEqualTo(b.stateHash());
        assertThat(a.completed()).isEqualTo(b.completed());
        assertThat(a.compensationsByCause()).isEqualTo(b.compensationsByCause());
        assertThat(a.counters()).isEqualTo(b.counters());
    }

    @Test
    void run_differentSeeds_differentStateHash() {
        SimulationResult a = run(small().seed(5));
        SimulationResult b = run(small().seed(6));

        assertThat(a.stateHash()).isNotEqualTo(b.stateHash());
    }

    @Test
    void run_normalMix_everyOrderEndsAndEveryInvariantHolds() {
        SimulationResult r = run(small().seed(1).paymentFailureRate(0.1).stockFailureRate(0.05));

        assertThat(r.allInvariantsHold()).as(String.valueOf(r.firstFailure())).isTrue();
        assertThat(r.orders()).isEqualTo(400);
        assertThat(r.completed() + r.compensated()).isEqualTo(400);
        assertThat(r.compensationsByCause()).containsKeys("payment", "stock");
        assertThat(r.counters().get("posSales")).isPositive();
        assertThat(r.invariants()).extracting(InvariantResult::name).containsAll(Checker.ALL);
    }

    @Test
    void run_paymentsAlwaysDeclined_everyOrderCompensatedWithPaymentCause() {
        SimulationResult r = run(small().seed(2).paymentFailureRate(1.0).stockFailureRate(0));

        assertThat(r.completed()).isZero();
        assertThat(r.compensationsByCause()).containsOnlyKeys("payment");
        assertThat(r.allInvariantsHold()).as(String.valueOf(r.firstFailure())).isTrue();
    }

    @Test
    void run_stockRaceOnHotProducts_realShortagesCompensateAndStockIsConserved() {
        SimulationResult r = run(small().seed(3).hotProducts(2).hotShare(0.9).hotStock(5).orderRatePerSecond(200)
                .stockFailureRate(0).paymentFailureRate(0));

        assertThat(r.compensationsByCause().getOrDefault("stock", 0L)).isPositive();
        assertThat(invariant(r, Checker.STOCK_CONSERVATION).holds()).isTrue();
        assertThat(r.allInvariantsHold()).as(String.valueOf(r.firstFailure())).isTrue();
    }

    @Test
    void run_runtimeCrashesAtRandomPoints_recoversFromTheStoreAndInvariantsHold() {
        SimulationResult r = run(small().seed(4).crashRate(0.05));

        assertThat(r.counters().get("runtimeCrashes")).isPositive();
        assertThat(r.counters().get("sagaRuntimes")).isEqualTo(r.counters().get("runtimeCrashes") + 1);
        assertThat(r.completed() + r.compensated()).isEqualTo(400);
        assertThat(r.allInvariantsHold()).as(String.valueOf(r.firstFailure())).isTrue();
    }

    @Test
    void run_slowPaymentRepliesPastTheStepTimeout_retriedWithoutDoubleCharge() {
        SimulationResult r = run(small().seed(8).latencyRate(0.5).latencyMeanMillis(4_000).stepTimeoutMillis(3_000)
                .paymentFailureRate(0));

        assertThat(r.counters().get("slowPaymentReplies")).isPositive();
        assertThat(invariant(r, Checker.CHARGED_ONCE).holds()).isTrue();
        assertThat(r.allInvariantsHold()).as(String.valueOf(r.firstFailure())).isTrue();
    }

    @Test
    void run_brokenCompensation_caughtByCompensationRestored() {
        SimulationResult r = run(small().seed(9).paymentFailureRate(0.3).sabotage(Set.of(Sabotage.BROKEN_COMPENSATION)));

        InvariantResult broken = invariant(r, Checker.COMPENSATION_RESTORED);
        assertThat(broken.holds()).isFalse();
        assertThat(broken.firstFailure()).contains("reservation is ACTIVE");
        assertThat(invariant(r, Checker.NO_OPEN_RESERVATION).holds()).isFalse();
        assertThat(r.firstFailure()).startsWith(Checker.COMPENSATION_RESTORED);
    }

    @Test
    void run_doubleCharge_caughtByChargedOnceAndMoneyBalance() {
        SimulationResult r = run(small().seed(10).paymentFailureRate(0).sabotage(Set.of(Sabotage.DOUBLE_CHARGE)));

        InvariantResult charged = invariant(r, Checker.CHARGED_ONCE);
        assertThat(charged.holds()).isFalse();
        assertThat(charged.firstFailure()).contains("2 capture(s)");
        assertThat(invariant(r, Checker.MONEY_BALANCE).holds()).isFalse();
        assertThat(invariant(r, Checker.COMPENSATION_RESTORED).holds()).isTrue();
    }

    @Test
    void run_skippedProjectionEvent_caughtByProjectionsMatchReplay() {
        SimulationResult r = run(small().seed(12).sabotage(Set.of(Sabotage.SKIPPED_PROJECTION_EVENT)));

        InvariantResult projections = invariant(r, Checker.PROJECTIONS_MATCH);
        assertThat(projections.holds()).isFalse();
        assertThat(projections.firstFailure()).contains("sales projection differs from a fresh replay");
        assertThat(invariant(r, Checker.STOCK_CONSERVATION).holds()).isTrue();
        assertThat(invariant(r, Checker.CHARGED_ONCE).holds()).isTrue();
    }

    @Test
    void run_projectionCrashesAndFaultyBus_claimsRefundedOnceAndProjectionsMatch() {
        SimulationResult r = run(small().seed(13).claimShare(0.2).projectionCrashRate(0.3).duplicateRate(0.2)
                .delayRate(0.1).reorderRate(0.3).consumerDeathRate(0.05));

        assertThat(r.counters().get("projectionCrashes")).isPositive();
        assertThat(r.counters().get("claimRefundsRequested")).isPositive();
        assertThat(r.counters().get("claimRefundsCompleted") + r.counters().get("claimRefundsRefused"))
                .isEqualTo(r.counters().get("claimRefundsRequested"));
        assertThat(invariant(r, Checker.CLAIMS_REFUNDED_ONCE).holds()).isTrue();
        assertThat(invariant(r, Checker.PROJECTIONS_MATCH).holds()).isTrue();
        assertThat(r.allInvariantsHold()).as(String.valueOf(r.firstFailure())).isTrue();
    }

    @Test
    void run_periodicChecks_holdAndDoNotChangeTheRun() {
        SimulationResult once = run(small().seed(11));
        SimulationResult periodic = run(small().seed(11).checkEverySeconds(2));

        assertThat(invariant(periodic, Checker.STOCK_CONSERVATION).holds()).isTrue();
        assertThat(periodic.stateHash()).isEqualTo(once.stateHash());
    }
}
