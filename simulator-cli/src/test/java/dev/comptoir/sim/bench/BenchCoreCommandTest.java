package dev.comptoir.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comptoir.sim.ComptoirCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCoreCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ComptoirCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void benchCore_memoryJson_reportsOpsPerSecond() throws Exception {
        assertThat(run("bench", "core", "--ops", "2000", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("memory").path("opsPerSecond").asDouble()).isPositive();
        assertThat(json.path("memory").path("ops").asInt()).isEqualTo(2000);
        assertThat(json.has("postgres")).isFalse();
    }

    @Test
    void benchCore_postgresJson_reportsRatioToBaseline() throws Exception {
        assertThat(run("bench", "core", "--backend", "postgres", "--seconds", "1", "--rounds", "1",
                "--threads", "2", "--pool-size", "2", "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
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
        assertThat(run("bench", "core", "--ops", "1000")).isZero();
        assertThat(out.toString()).contains("memory (1 thread)").contains("ops/s");
    }

    @Test
    void benchCore_nonPositiveOps_isUsageError() {
        assertThat(run("bench", "core", "--ops", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--ops");
    }

    @Test
    void benchCore_postgresWithPoolOfOne_isUsageError() {
        assertThat(run("bench", "core", "--backend", "postgres", "--pool-size", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--pool-size");
    }

    @Test
    void benchCore_unknownBackend_isUsageError() {
        assertThat(run("bench", "core", "--backend", "oracle")).isEqualTo(2);
        assertThat(err.toString()).contains("oracle");
    }
}
