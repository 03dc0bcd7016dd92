package dev.comptoir.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.sim.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comptoir.sim.ComptoirCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationCommandsTest {
    private final Cli cli = new Cli();


    @Test
    void run_smallScenarioAsJson_printsOneObjectWithTheRequiredFields() throws Exception {
        int code = cli.run("run", "--orders", "200", "--seed", "3", "--json");

        assertThat(code).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("seed").asLong()).isEqualTo(3);
        assertThat(json.get("orders").asLong()).isEqualTo(200);
        assertThat(json.get("completed").asLong() + json.get("compensated").asLong()).isEqualTo(200);
        assertThat(json.get("failed").asLong()).isZero();
        assertThat(json.get("stateHash").asText()).hasSize(32);
        assertThat(json.has("wallSeconds")).isTrue();
        assertThat(json.has("sagasPerSecond")).isTrue();
        assertThat(json.get("invariants")).isNotEmpty();
        for (JsonNode i : json.get("invariants")) {
            assertThat(i.get("holds").asBoolean()).as(i.toString()).isTrue();
            assertThat(i.get("name").asText()).isNotBlank();
            assertThat(i.has("detail")).isTrue();
        }
    }

    @Test
    void run_summary_showsOutcomesLatencyInvariantsAndHash() {
        int code = cli.run("run", "--scenario", "stock-race", "--orders", "300");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("scenario stock-race").contains("completed").contains("cause: stock")
                .contains("saga latency p50/p95/p99").contains("stock-conservation").contains("state hash")
                .contains("ALL INVARIANTS HOLD");
    }

    @Test
    void replay_sameSeedAsRun_printsTheSameStateHash() throws Exception {
        assertThat(cli.run("run", "--orders", "150", "--seed", "77", "--crash-rate", "0.02", "--json")).isZero();
        String first = new ObjectMapper().readTree(cli.out()).get("stateHash").asText();
        cli.clearOut();

        assertThat(cli.run("replay", "--orders", "150", "--seed", "77", "--crash-rate", "0.02", "--json")).isZero();

        assertThat(new ObjectMapper().readTree(cli.out()).get("stateHash").asText()).isEqualTo(first);
    }

    @Test
    void replay_withoutSeed_isUsageError() {
        assertThat(cli.run("replay")).isEqualTo(2);
        assertThat(cli.err()).contains("--seed");
    }

    @Test
    void run_plantedDoubleCharge_exitsOneWithSeedScenarioAndFirstFailingEvent() {
        int code = cli.run("run", "--orders", "100", "--seed", "4", "--payment-failure-rate", "0", "--sabotage",
                "DOUBLE_CHARGE");

        assertThat(code).isEqualTo(ComptoirCommand.EXIT_VIOLATION);
        assertThat(cli.out()).contains("FAIL charged-once");
        assertThat(cli.err()).contains("seed 4").contains("scenario normal-day")
                .contains("first failing event: charged-once").contains("replay with: comptoir-sim replay")
                .contains("--seed 4");
    }

    @Test
    void run_badScenarioFile_exitsTwoNamingTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "orders: 10\nfaults:\n  crash_rate: 2.0\n");

        int code = cli.run("run", "--scenario", file.toString());

        assertThat(code).isEqualTo(ComptoirCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("faults.crash_rate");
    }

    @Test
    void run_badOptionValue_exitsTwoNamingTheField() {
        assertThat(cli.run("run", "--payment-failure-rate", "1.5")).isEqualTo(2);
        assertThat(cli.err()).contains("payment_failure_rate");
    }

    @Test
    void run_unknownBackend_isUsageError() {
        assertThat(cli.run("run", "--backend", "oracle")).isEqualTo(2);
        assertThat(cli.err()).contains("--backend");
    }

    @Test
    void run_report_writesSelfContainedHtmlWithCharts(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("out/report.html");

        assertThat(cli.run("run", "--orders", "200", "--seed", "2", "--report", report.toString())).isZero();

        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Outcome mix")
                .contains("Saga latency").contains("Timeline of sample sagas").contains("stock-conservation")
                .doesNotContain("http://cdn").doesNotContain("<script src");
    }

    @Test
    void scenarios_listsEveryNamedScenarioWithItsDescription() {
        assertThat(cli.run("scenarios")).isZero();

        assertThat(cli.out()).contains("normal-day").contains("payment-outage").contains("stock-race")
                .contains("crash-storm").contains("Stock race");
    }

    @Test
    void explore_fewSeeds_printsOneRowPerSeedAndTheSummary() {
        int code = cli.run("explore", "--seeds", "3", "--orders", "80", "--first-seed", "10");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("state hash").contains("\n10 ").contains("\n11 ").contains("\n12 ")
                .contains("3 of 3 seeds hold every invariant");
    }

    @Test
    void explore_crashPoints_crashesOncePerStepBoundaryAndEveryPointHolds() {
        int code = cli.run("explore", "--crash-points", "--orders", "2", "--payment-failure-rate", "0.5");

        assertThat(code).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("step boundaries without crash").contains("AFTER_INVOKE of PROCESS_PAYMENT")
                .contains("BEFORE_INVOKE of VALIDATE_CART").containsPattern("(\\d+) of \\1 crash points hold every invariant");
    }

    @Test
    void explore_plantedBrokenCompensation_exitsOneAndNamesTheSeedToReplay() {
        int code = cli.run("explore", "--seeds", "2", "--orders", "80", "--payment-failure-rate", "0.5",
                "--sabotage", "BROKEN_COMPENSATION");

        assertThat(code).isEqualTo(1);
        assertThat(cli.out()).contains("FAIL compensation-restored");
        assertThat(cli.err()).contains("replay the first failing seed with: comptoir-sim replay")
                .contains("--seed 1");
    }
}
