package dev.comptoir.eventstore.bus;

import dev.comptoir.eventstore.internal.RedisMessageBus;
import dev.comptoir.eventstore.spi.MessageBus;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The bus TCK against the machine's Redis, under a random key prefix deleted afterwards. */
class RedisMessageBusTest extends MessageBusContractTest {

    static final String URL = env("COMPTOIR_REDIS_URL", "redis://127.0.0.1:6379");
    private static RedisClient client;
    private static String prefix;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(URL);
        prefix = "comptoir-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    @AfterAll
    static void cleanUp() {
        try (var bus = new RedisMessageBus(client, prefix, 1)) {
            bus.deleteAllKeys();
        }
        client.shutdown();
    }

    @Override
    protected MessageBus createBus(long maxLength) {
        // each test gets its own sub-prefix so streams and groups never leak between tests
        return MessageBuses.redis(client, prefix + UUID.randomUUID().toString().substring(0, 6) + ":", maxLength);
    }

    @Override
    protected Duration idle() {
        return Duration.ofMillis(150);
    }

    @Override
    protected void passIdleTime() {
        // real time: the tests poll with Awaitility until the idle time has passed
    }

    static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
