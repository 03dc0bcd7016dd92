package dev.comptoir.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.sim.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comptoir.sim.ComptoirCommand;
import org.junit.jupiter.api.Test;

/** {@code run --backend postgres} on the command line: output, exit codes, bad options. Needs the machine's PostgreSQL. */
class PostgresRunCommandTest {
    private final Cli cli = new Cli();


    @Test
    void run_postgresAsJson_printsTheEmbeddedRunsFieldsAndExitsZero() throws Exception {
        int code = cli.run("run", "--backend", "postgres", "--orders", "60", "--products", "10", "--seed", "5",
                "--threads", "3", "--workers", "2", "--json");

        assertThat(code).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("backend").asText()).isEqualTo("postgres");
        assertThat(json.get("seed").asLong()).isEqualTo(5);
        assertThat(json.get("orders").asLong()).isEqualTo(60);
        assertThat(json.get("completed").asLong() + json.get("compensated").asLong()).isEqualTo(60);
        assertThat(json.get("failed").asLong()).isZero();
        assertThat(json.get("stateHash").asText()).hasSize(32);
        assertThat(json.get("wallSeconds").asDouble()).isPositive();
        assertThat(json.get("sagasPerSecond").asLong()).isPositive();
        assertThat(json.get("invariants")).hasSize(10);
        for (JsonNode i : json.get("invariants")) {
            assertThat(i.get("holds").asBoolean()).as(i.toString()).isTrue();
            assertThat(i.get("detail").asText()).isNotBlank();
        }
    }

    @Test
    void run_plantedDoubleChargeOnPostgres_exitsOneAndSaysTheRunIsNotReplayable() {
        int code = cli.run("run", "--backend", "postgres", "--orders", "60", "--products", "10", "--seed", "6",
                "--payment-failure-rate", "0", "--sabotage", "DOUBLE_CHARGE", "--threads", "3", "--workers", "2");

        assertThat(code).isEqualTo(ComptoirCommand.EXIT_VIOLATION);
        assertThat(cli.out()).contains("FAIL charged-once").contains("completed with 2 capture(s)")
                .contains("FAIL money-balance").contains("ok   stock-conservation").contains("not reproducible");
        assertThat(cli.err()).contains("INVARIANT VIOLATED — seed 6")
                .contains("run again with: comptoir-sim run --backend postgres").contains("not deterministic");
    }

    @Test
    void run_redisBusWithoutPostgres_isUsageError() {
        assertThat(cli.run("run", "--bus", "redis", "--orders", "10")).isEqualTo(ComptoirCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("--bus redis needs --backend postgres");
    }

    @Test
    void run_unreachableDatabase_isUsageErrorNamingTheUrl() {
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere";
        assertThat(cli.run("run", "--backend", "postgres", "--orders", "10", "--pg-url", url))
                .isEqualTo(ComptoirCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("--pg-url " + url + " cannot be reached");
    }

    @Test
    void run_badThreadCountOrBus_isUsageError() {
        assertThat(cli.run("run", "--backend", "postgres", "--threads", "0")).isEqualTo(ComptoirCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("--threads must be >= 1");
        assertThat(cli.run("run", "--backend", "postgres", "--bus", "kafka")).isEqualTo(ComptoirCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("--bus must be memory or redis");
    }

    @Test
    void replayAndExplore_onPostgres_areUsageErrors() {
        assertThat(cli.run("replay", "--seed", "1", "--backend", "postgres")).isEqualTo(ComptoirCommand.EXIT_USAGE);
        assertThat(cli.run("explore", "--backend", "postgres")).isEqualTo(ComptoirCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("replay needs the deterministic embedded backend")
                .contains("explore runs on the embedded backend only");
    }
}
