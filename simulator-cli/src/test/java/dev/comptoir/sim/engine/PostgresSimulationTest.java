package dev.comptoir.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL run against the machine's PostgreSQL ({@code COMPTOIR_PG_URL}, default the local
 * server) and Redis ({@code COMPTOIR_REDIS_URL}); fails, never skips, when they are missing. Each
 * run works in its own random schemas / key prefix and removes them.
 */
class PostgresSimulationTest {
    static final String PG_URL = env("COMPTOIR_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = env("COMPTOIR_PG_USER", "postgres");
    static final String PG_PASSWORD = env("COMPTOIR_PG_PASSWORD", "");
    static final String REDIS_URL = env("COMPTOIR_REDIS_URL", "redis://127.0.0.1:6379");

    private static SimulationConfig.Builder small() {
        return SimulationConfig.builder().name("pg-test").seed(11).orders(150).products(20).initialStock(200)
                .claimShare(0.10).paymentFailureRate(0.15).failureAmounts(java.util.List.of(new java.math.BigDecimal("29.88")))
                .stockFailureRate(0.10);
    }

    private static PostgresSettings settings(PostgresSettings.Bus bus) {
        return new PostgresSettings(PG_URL, PG_USER, PG_PASSWORD, 12, 4, 3, bus, REDIS_URL, false, 500);
    }

    private static InvariantResult invariant(SimulationResult r, String name) {
        return r.invariants().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void run_paymentAndStockFailuresAndRuntimeCrashes_everyInvariantHoldsAndSchemasAreDropped() throws Exception {
        PostgresSimulation sim = PostgresSimulation.of(small().crashRate(0.006).projectionCrashRate(0.05).build(),
                settings(PostgresSettings.Bus.MEMORY));

        SimulationResult r = sim.run();

        assertThat(r.allInvariantsHold()).as(r.firstFailure()).isTrue();
        assertThat(r.invariants()).extracting(InvariantResult::name).containsExactlyElementsOf(Checker.ALL);
        assertThat(r.backend()).isEqualTo("postgres");
        assertThat(r.orders()).isEqualTo(150);
        assertThat(r.completed() + r.compensated()).isEqualTo(150);
        assertThat(r.failed()).isZero();
        assertThat(r.compensationsByCause()).containsKeys("payment", "stock");
        assertThat(r.counters().get("runtimeCrashes")).isPositive();
        assertThat(r.counters().get("sagaRuntimes")).isEqualTo(r.counters().get("runtimeCrashes") + 1);
        assertThat(r.counters().get("claimRefundsRequested")).isPositive();
        assertThat(r.counters().get("posSales")).isPositive();
        assertThat(r.stateHash()).hasSize(32);
        assertThat(r.sagasPerSecond()).isPositive();
        assertThat(schemasLike(sim.schema())).isZero();
    }

    @Test
    void run_onTheRedisBus_everyInvariantHoldsAndTheKeysAreDeleted() throws Exception {
        PostgresSimulation sim = PostgresSimulation.of(small().seed(12).orders(120).claimShare(0.12).build(),
                settings(PostgresSettings.Bus.REDIS));

        SimulationResult r = sim.run();

        assertThat(r.allInvariantsHold()).as(r.firstFailure()).isTrue();
        assertThat(r.backend()).isEqualTo("postgres+redis");
        assertThat(r.completed() + r.compensated()).isEqualTo(120);
        assertThat(r.counters().get("claimRefundsCompleted") + r.counters().get("claimRefundsRefused"))
                .isEqualTo(r.counters().get("claimRefundsRequested")).isPositive();
        assertThat(invariant(r, Checker.DEAD_LETTERS).detail()).contains("0 stranded");
        RedisClient client = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            assertThat(c.sync().keys("sim:" + sim.schema() + ":*")).isEmpty();
        } finally {
            client.shutdown();
        }
        assertThat(schemasLike(sim.schema())).isZero();
    }

    @Test
    void run_plantedBrokenCompensation_checkerSeesTheOpenReservations() {
        SimulationResult r = PostgresSimulation.of(small().seed(14).orders(80).paymentFailureRate(0.3)
                .stockFailureRate(0).sabotage(Set.of(Sabotage.BROKEN_COMPENSATION)).build(),
                settings(PostgresSettings.Bus.MEMORY)).run();

        assertThat(invariant(r, Checker.COMPENSATION_RESTORED).holds()).isFalse();
        assertThat(invariant(r, Checker.NO_OPEN_RESERVATION).holds()).isFalse();
        assertThat(invariant(r, Checker.CHARGED_ONCE).holds()).isTrue();
    }

    private static long schemasLike(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_namespace WHERE nspname LIKE ?")) {
            s.setString(1, schema + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
