package dev.comptoir.eventstore.outbox;

import static dev.comptoir.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.MutableClock;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.bus.BusConsumer;
import dev.comptoir.eventstore.bus.EventMessages;
import dev.comptoir.eventstore.bus.Inboxes;
import dev.comptoir.eventstore.bus.MessageBuses;
import dev.comptoir.eventstore.bus.StreamNaming;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    void pollOnce_referenceNaming_publishesEachEventToItsTypeStreamAndAllInOrder() {
        var store = EventStore.inMemory(clock);
        var bus = MessageBuses.inMemory(clock);
        store.append("claim-1", ExpectedVersion.any(), event("ReclamationCreee", "{}"), event("ReclamationAffectee", "{}"));
        store.append("claim-2", ExpectedVersion.any(), event("ReclamationCreee", "{}"));
        var checkpoints = CheckpointStores.inMemory();
        var relay = OutboxRelay.builder(store, bus).naming(StreamNaming.perTypeAndAll("events"))
                .checkpoints(checkpoints).build();

        assertThat(relay.runUntilIdle()).isEqualTo(3);

        assertThat(bus.length("events:all")).isEqualTo(3);
        assertThat(bus.length("events:reclamationcreee")).isEqualTo(2);
        assertThat(bus.length("events:reclamationaffectee")).isEqualTo(1);
        var all = bus.readNew("g", "c", List.of("events:all"), 10);
        assertThat(all).extracting(m -> EventMessages.fromFields(m.fields()).eventId())
                .containsExactlyElementsOf(store.readAll(0, 10).stream().map(RecordedEvent::eventId).toList());
        assertThat(checkpoints.load("outbox-relay")).isEqualTo(3);
        assertThat(relay.pollOnce()).isZero();
    }

    @Test
    void pollOnce_afterRestart_resumesFromStoredCheckpointWithoutRepublishing() {
        var store = EventStore.inMemory(clock);
        var bus = MessageBuses.inMemory(clock);
        var checkpoints = CheckpointStores.inMemory();
        store.append("s", ExpectedVersion.any(), event(1), event(2));
        OutboxRelay.builder(store, bus).naming(StreamNaming.single("all")).checkpoints(checkpoints).build().runUntilIdle();
        store.append("s", ExpectedVersion.any(), event(3));

        var restarted = OutboxRelay.builder(store, bus).naming(StreamNaming.single("all")).checkpoints(checkpoints).build();

        assertThat(restarted.runUntilIdle()).isEqualTo(1);
        assertThat(bus.length("all")).isEqualTo(3);
    }

    @Test
    void relay_redisKilledAndRestartedEmpty_republishesAndConsumersDeduplicateLosingNothing() throws Exception {
        try (var redis = new PrivateRedis()) {
            redis.start();
            var client = RedisClient.create(redis.url());
            client.setOptions(ClientOptions.builder().autoReconnect(true).build());
            var store = EventStore.inMemory(clock);
            var bus = MessageBuses.redis(client, "", 10_000);
            try {
                var relay = OutboxRelay.builder(store, bus).naming(StreamNaming.perTypeAndAll("events"))
                        .checkpoints(MessageBuses.checkpointsOf(bus)).build();
                var inbox = Inboxes.inMemory();
                var effects = new ArrayList<UUID>();
                var consumer = BusConsumer.builder(bus, "projection-service", "projection-worker-1")
                        .streams("events:all").batchSize(10)
                        .handler(m -> {
                            var e = EventMessages.fromFields(m.fields());
                            inbox.runOnce("projection-service", e.eventId().toString(), () -> effects.add(e.eventId()));
                        }).build();
                for (int i = 0; i < 30; i++) {
                    store.append("claim-" + (i % 3), ExpectedVersion.any(), event(i));
                }
                relay.runUntilIdle();
                assertThat(consumer.pollOnce()).isEqualTo(10);

                redis.kill();
                redis.start(); // same port, no data: streams, groups and the relay checkpoint are gone
                for (int i = 30; i < 40; i++) {
                    store.append("claim-" + (i % 3), ExpectedVersion.any(), event(i));
                }
                Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> relay.pollOnce() >= 0);
                relay.runUntilIdle();
                consumer.runUntilIdle();

                assertThat(effects).containsExactlyElementsOf(
                        store.readAll(0, 100).stream().map(RecordedEvent::eventId).toList());
                assertThat(bus.length("events:all")).isEqualTo(40);
            } finally {
                bus.close();
                client.shutdown();
            }
        }
    }
}
