package dev.comptoir.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.eventstore.aggregate.Aggregate;
import dev.comptoir.eventstore.aggregate.AggregateRepository;
import dev.comptoir.eventstore.bus.BusConsumer;
import dev.comptoir.eventstore.bus.EventMessages;
import dev.comptoir.eventstore.bus.Inboxes;
import dev.comptoir.eventstore.bus.MessageBuses;
import dev.comptoir.eventstore.bus.StreamNaming;
import dev.comptoir.eventstore.outbox.CheckpointStores;
import dev.comptoir.eventstore.outbox.OutboxRelay;
import dev.comptoir.eventstore.projection.Projection;
import dev.comptoir.eventstore.projection.Projections;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The example of docs/eventstore-lib.md, compiled and run. */
class DocsExampleTest {

    // --8<-- [start:types]
    record ClaimCreated(String claimId, String customerId) {
    }

    record ClaimAssigned(String claimId, String agentId) {
    }

    record Claim(String status, String agent) {
        static Claim none() {
            return new Claim("none", null);
        }

        Claim apply(Object event) {
            return switch (event) {
                case ClaimCreated c -> new Claim("created", null);
                case ClaimAssigned a -> new Claim("assigned", a.agentId());
                default -> this;
            };
        }
    }
    // --8<-- [end:types]

    @Test
    void example_claimLifecycle_throughStoreProjectionRelayAndBus() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        // --8<-- [start:example]
        EventStore store = EventStore.inMemory(clock);            // or EventStore.postgres(dataSource, "claims")
        EventSerializer serializer = EventSerializer.builder()
                .register("ReclamationCreee", ClaimCreated.class)
                .register("ReclamationAffectee", ClaimAssigned.class)
                .build();
        AggregateRepository<Claim> claims = AggregateRepository.builder(store, serializer, Claim.class)
                .initialState(Claim::none).evolve(Claim::apply)
                .ids(new SplittableRandom(7)).clock(clock).build();

        EventMetadata md = EventMetadata.of(clock.instant()).withCorrelationId("corr-1");
        claims.execute("claim-1", c -> List.of(new ClaimCreated("1", "42")), md);
        Aggregate<Claim> after = claims.execute("claim-1", c -> {
            if (!c.status().equals("created")) {
                throw new IllegalStateException("cannot assign a " + c.status() + " claim");
            }
            return List.of(new ClaimAssigned("1", "agent-7"));
        }, md);

        // a read model: counts per event type
        var counts = Projections.inMemory(store,
                Projection.<Map<String, Integer>>of("counts", (m, e) -> m.merge(e.type(), 1, Integer::sum)),
                HashMap::new, clock);
        counts.runUntilIdle();

        // the event store is the outbox: relay it to the bus, consume exactly once per event id
        var bus = MessageBuses.inMemory(clock);
        var relay = OutboxRelay.builder(store, bus).naming(StreamNaming.perTypeAndAll("events"))
                .checkpoints(CheckpointStores.inMemory()).build();
        var inbox = Inboxes.inMemory();
        var notified = new ArrayList<String>();
        var notifications = BusConsumer.builder(bus, "notification-service", "notification-worker-1")
                .streams("events:all")
                .handler(m -> inbox.runOnce("notification-service", m.field(EventMessages.EVENT_ID),
                        () -> notified.add(m.field(EventMessages.EVENT_TYPE))))
                .build();
        relay.runUntilIdle();
        notifications.runUntilIdle();
        // --8<-- [end:example]

        assertThat(after.state()).isEqualTo(new Claim("assigned", "agent-7"));
        assertThat(after.version()).isEqualTo(2);
        assertThat(counts.readModel()).containsEntry("ReclamationCreee", 1).containsEntry("ReclamationAffectee", 1);
        assertThat(notified).containsExactly("ReclamationCreee", "ReclamationAffectee");
        assertThat(bus.length("events:reclamationcreee")).isEqualTo(1);
    }
}
