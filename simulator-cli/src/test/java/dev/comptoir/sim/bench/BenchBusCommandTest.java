package dev.comptoir.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.sim.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;

class BenchBusCommandTest {
    private final Cli cli = new Cli();


    @Test
    void benchBus_memoryJson_reportsPublishConsumeAckAndRatio() throws Exception {
        assertThat(cli.run("bench", "bus", "--messages", "2000", "--json")).as(cli.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("eventsPerSecond").path("publishConsumeAck").asDouble()).isPositive();
        assertThat(json.path("messages").asInt()).isEqualTo(2000);
        assertThat(json.path("ratioToBaseline").asDouble()).isPositive();
    }

    @Test
    void benchBus_redisJson_comparesWithRawXaddAndLeavesNoKeys() throws Exception {
        String url = System.getenv().getOrDefault("COMPTOIR_REDIS_URL", "redis://127.0.0.1:6379");

        assertThat(cli.run("bench", "bus", "--backend", "redis", "--messages", "500", "--redis-url", url, "--json"))
                .as(cli.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(cli.out());
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
        assertThat(cli.run("bench", "bus", "--messages", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--messages");
    }
}
