package dev.comptoir.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.sim.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BenchEventStoreCommandTest {
    private final Cli cli = new Cli();


    @Test
    void benchEventstore_memoryJson_reportsEveryModeAndRatio() throws Exception {
        assertThat(cli.run("bench", "eventstore", "--events", "3000", "--batch", "100", "--json")).as(cli.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(cli.out());
        JsonNode eps = json.path("eventsPerSecond");
        for (String mode : new String[] {"singleAppend", "batchedAppend", "readAll", "projectionRebuild"}) {
            assertThat(eps.path(mode).asDouble()).as(mode).isPositive();
        }
        assertThat(json.path("eventsInStore").asLong()).isEqualTo(6000);
        assertThat(json.path("ratioToBaseline").asDouble()).isCloseTo(
                eps.path("singleAppend").asDouble() / json.path("baseline").path("eventsPerSecond").asDouble(),
                Offset.offset(0.02));
    }

    @Test
    void benchEventstore_postgresJson_comparesSingleAppendsWithRawJdbc() throws Exception {
        assertThat(cli.run("bench", "eventstore", "--backend", "postgres", "--seconds", "1", "--rounds", "1",
                "--threads", "2", "--pool-size", "2", "--batch", "50", "--history", "1000", "--json")).as(cli.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("backend").asText()).isEqualTo("postgres");
        assertThat(json.path("baseline").path("eventsPerSecond").asDouble()).isPositive();
        assertThat(json.path("eventsPerSecond").path("readAll").asDouble()).isPositive();
        assertThat(json.path("meetsTargets").has("batchedAppend")).isTrue();
        assertThat(json.path("eventsInStore").asLong()).isGreaterThan(1000); // the past events, then the appended ones
    }

    @Test
    void benchEventstore_table_namesModesAndBaseline() {
        assertThat(cli.run("bench", "eventstore", "--events", "1000", "--batch", "100")).isZero();

        assertThat(cli.out()).contains("baseline: synchronized list append").contains("batchedAppend")
                .contains("projectionRebuild");
    }

    @Test
    void benchEventstore_zeroEvents_isUsageError() {
        assertThat(cli.run("bench", "eventstore", "--events", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--events");
    }
}
