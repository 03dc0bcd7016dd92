package dev.comptoir.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.sim.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BenchSagaCommandTest {
    private final Cli cli = new Cli();


    @Test
    void benchSaga_memoryJson_reportsSagasPerSecondAndFiveCommitsPerSaga() throws Exception {
        assertThat(cli.run("bench", "saga", "--sagas", "3000", "--json")).as(cli.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("backend").asText()).isEqualTo("memory");
        assertThat(json.path("sagas").asInt()).isEqualTo(3000);
        assertThat(json.path("sagasPerSecond").asDouble()).isPositive();
        assertThat(json.path("p99Millis").asDouble()).isGreaterThanOrEqualTo(json.path("p50Millis").asDouble());
        // one insert at start + one transition per step, nothing else
        assertThat(json.path("commitsPerSaga").asDouble()).isEqualTo(5.0);
        assertThat(json.has("baselineCommitsPerSecond")).isTrue();
        assertThat(json.has("ratioToLimit")).isTrue();
    }

    @Test
    void benchSaga_postgresJson_reportsRatioToTheCommitLimit() throws Exception {
        assertThat(cli.run("bench", "saga", "--backend", "postgres", "--seconds", "1", "--rounds", "1",
                "--threads", "2", "--pool-size", "2", "--history", "1000", "--json")).as(cli.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(cli.out());
        double perSecond = json.path("sagasPerSecond").asDouble();
        double commits = json.path("commitsPerSaga").asDouble();
        double baseline = json.path("baselineCommitsPerSecond").asDouble();
        assertThat(perSecond).isPositive();
        assertThat(baseline).isPositive();
        assertThat(commits).isBetween(5.0, 6.0);
        assertThat(json.path("ratioToLimit").asDouble()).isCloseTo(perSecond / (baseline / commits), Offset.offset(0.02));
        assertThat(json.path("p50Millis").asDouble()).isPositive();
    }

    @Test
    void benchSaga_table_namesTheBackend() {
        assertThat(cli.run("bench", "saga", "--sagas", "1000")).isZero();

        assertThat(cli.out()).contains("memory (1 thread)").contains("sagas/s").contains("commits/saga");
    }

    @Test
    void benchSaga_nonPositiveSagas_isUsageError() {
        assertThat(cli.run("bench", "saga", "--sagas", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--sagas");
    }

    @Test
    void benchSaga_unknownBackend_isUsageError() {
        assertThat(cli.run("bench", "saga", "--backend", "oracle")).isEqualTo(2);
        assertThat(cli.err()).contains("oracle");
    }
}
