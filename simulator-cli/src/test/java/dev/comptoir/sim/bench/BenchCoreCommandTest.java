package dev.comptoir.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.sim.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchCoreCommandTest {
    private final Cli cli = new Cli();


    @Test
    void benchCore_memoryJson_reportsOpsPerSecond() throws Exception {
        assertThat(cli.run("bench", "core", "--ops", "2000", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("memory").path("opsPerSecond").asDouble()).isPositive();
        assertThat(json.path("memory").path("ops").asInt()).isEqualTo(2000);
        assertThat(json.has("postgres")).isFalse();
    }

    @Test
    void benchCore_postgresJson_reportsRatioToBaseline() throws Exception {
        assertThat(cli.run("bench", "core", "--backend", "postgres", "--seconds", "1", "--rounds", "1",
                "--threads", "2", "--pool-size", "2", "--json")).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        JsonNode pg = json.path("postgres");
        assertThat(pg.path("opsPerSecond").asDouble()).isPositive();
        assertThat(pg.path("baselineOpsPerSecond").asDouble()).isPositive();
        assertThat(pg.path("stockOnlyBaselineOpsPerSecond").asDouble()).isPositive();
        assertThat(pg.path("ratioToBaseline").asDouble())
                .isCloseTo(pg.path("opsPerSecond").asDouble() / pg.path("baselineOpsPerSecond").asDouble(),
                        org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void benchCore_table_namesBackendsAndBaseline() {
        assertThat(cli.run("bench", "core", "--ops", "1000")).isZero();
        assertThat(cli.out()).contains("memory (1 thread)").contains("ops/s");
    }

    @Test
    void benchCore_nonPositiveOps_isUsageError() {
        assertThat(cli.run("bench", "core", "--ops", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--ops");
    }

    @Test
    void benchCore_postgresWithPoolOfOne_isUsageError() {
        assertThat(cli.run("bench", "core", "--backend", "postgres", "--pool-size", "1")).isEqualTo(2);
        assertThat(cli.err()).contains("--pool-size");
    }

    @Test
    void benchCore_unknownBackend_isUsageError() {
        assertThat(cli.run("bench", "core", "--backend", "oracle")).isEqualTo(2);
        assertThat(cli.err()).contains("oracle");
    }
}
