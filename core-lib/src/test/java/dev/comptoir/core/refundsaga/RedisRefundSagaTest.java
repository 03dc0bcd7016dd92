package dev.comptoir.core.refundsaga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.claim.NewClaim;
import dev.comptoir.core.claimsourcing.ClaimsModule;
import dev.comptoir.core.memory.InMemoryRefundRepository;
import dev.comptoir.core.refund.RefundStatus;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.bus.MessageBuses;
import dev.comptoir.eventstore.spi.MessageBus;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The refund saga over the machine's Redis Streams (random key prefix, deleted afterwards). */
class RedisRefundSagaTest {
    private static final String URL = env("COMPTOIR_REDIS_URL", "redis://127.0.0.1:6379");
    private static RedisClient client;
    private static String prefix;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(URL);
        prefix = "comptoir-core-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    @AfterAll
    static void cleanUp() {
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                var page = c.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    c.sync().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        }
        client.shutdown();
    }

    @Test
    void refund_overRedisStreams_completesAndNotifies() {
        Clock clock = Clock.systemUTC();
        MessageBus bus = MessageBuses.redis(client, prefix, 10_000);
        ClaimsModule m = ClaimsModule.builder(EventStore.inMemory(clock), new InMemoryRefundRepository()).clock(clock)
                .random(new SplittableRandom(1)).bus(bus).checkpoints(MessageBuses.checkpointsOf(bus)).build();
        Claim c = m.claims().create(new NewClaim("5", ClaimType.PRODUCT_DEFECT, "Cassé", "product_001"), null);
        ClaimId id = c.claimId();
        m.claims().assign(id, "agent_2", null);
        m.claims().start(id, null);
        m.claims().resolve(id, "ok", null);
        m.claims().requestRefund(id, "redis-refund");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            m.runUntilIdle();
            assertThat(m.claims().events(id)).extracting(e -> e.eventType()).contains("SagaRemboursementTerminee");
        });

        assertThat(m.refunds().findByClaim(id).orElseThrow().status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(m.adjustments().findByClaim(id.toString()).orElseThrow().newStockLevel()).isEqualTo(79);
        assertThat(m.notifications().all()).filteredOn(n -> n.claimId().equals(id.toString())).hasSize(5);
        assertThat(bus.length("events:all")).isEqualTo(m.claims().events(id).size());
        bus.close();
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
