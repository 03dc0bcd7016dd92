package dev.comptoir.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comptoir.sim.ComptoirCommand;
import io.lettuce.core.RedisClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchBusCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ComptoirCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void benchBus_memoryJson_reportsPublishConsumeAckAndRatio() throws Exception {
        assertThat(run("bench", "bus", "--messages", "2000", "--json")).as(err.toString()).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("eventsPerSecond").path("publishConsumeAck").asDouble()).isPositive();
        assertThat(json.path("messages").asInt()).isEqualTo(2000);
        assertThat(json.path("ratioToBaseline").asDouble()).isPositive();
    }

    @Test
    void benchBus_redisJson_comparesWithRawXaddAndLeavesNoKeys() throws Exception {
        String url = System.getenv().getOrDefault("COMPTOIR_REDIS_URL", "redis://127.0.0.1:6379");

        assertThat(run("bench", "bus", "--backend", "redis", "--messages", "500", "--redis-url", url, "--json"))
                .as(err.toString()).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("baseline").path("name").asText()).contains("XADD");
        assertThat(json.path("eventsPerSecond").path("publishConsumeAck").asDouble()).isPositive();
        assertThat(json.has("meetsTarget")).isTrue();
        RedisClient client = RedisClient.create(url);
        try (var c = client.connect()) {
            assertThat(c.sync().keys("bench-bus:*")).isEmpty();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void benchBus_zeroMessages_isUsageError() {
        assertThat(run("bench", "bus", "--messages", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--messages");
    }
}
