package dev.comptoir.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.comptoir.eventstore.spi.Upcaster;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSerializerTest {

    record RefundCalculated(String claimId, BigDecimal amount, String currency) {
    }

    record ClaimCreated(String claimId, Instant createdAt) {
    }

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final EventSerializer serializer = EventSerializer.builder()
            .register("ClaimCreated", ClaimCreated.class)
            .register("RefundCalculated", RefundCalculated.class, 3)
            .upcaster(Upcaster.of("RefundCalculated", 1, json -> json.put("amount", json.remove("montant").asText())))
            .upcaster(Upcaster.of("RefundCalculated", 2, json -> json.put("currency", "CAD")))
            .build();

    private static RecordedEvent stored(EventEnvelope e) {
        return new RecordedEvent(e.eventId(), "s", 1, 1, e.type(), e.payload(), e.metadata());
    }

    @Test
    void envelope_registeredEvent_roundTripsWithTypeAndRevision() {
        var event = new RefundCalculated("c-1", new BigDecimal("12.50"), "CAD");

        var env = serializer.envelope(UUID.randomUUID(), event, EventMetadata.of(NOW));

        assertThat(env.type()).isEqualTo("RefundCalculated");
        assertThat(env.metadata().headers()).containsEntry(EventSerializer.REVISION_HEADER, "3");
        assertThat(serializer.deserialize(stored(env))).isEqualTo(event);
    }

    @Test
    void deserialize_instantField_roundTrips() {
        var event = new ClaimCreated("c-1", NOW);
        var env = serializer.envelope(UUID.randomUUID(), event, EventMetadata.of(NOW));

        assertThat(env.payload()).contains("2026-11-25T10:00:00Z");
        assertThat(serializer.deserialize(stored(env), ClaimCreated.class)).isEqualTo(event);
    }

    @Test
    void deserialize_revisionOnePayload_isUpcastThroughEveryRevision() {
        var old = new RecordedEvent(UUID.randomUUID(), "s", 1, 1, "RefundCalculated",
                "{\"claimId\":\"c-9\",\"montant\":\"7.25\"}", EventMetadata.of(NOW));

        assertThat(serializer.deserialize(old)).isEqualTo(new RefundCalculated("c-9", new BigDecimal("7.25"), "CAD"));
    }

    @Test
    void deserialize_revisionTwoPayload_appliesOnlyLaterUpcasters() {
        var rev2 = new RecordedEvent(UUID.randomUUID(), "s", 1, 1, "RefundCalculated",
                "{\"claimId\":\"c-9\",\"amount\":\"7.25\"}",
                new EventMetadata(NOW, null, null, Map.of(EventSerializer.REVISION_HEADER, "2")));

        assertThat(serializer.deserialize(rev2)).isEqualTo(new RefundCalculated("c-9", new BigDecimal("7.25"), "CAD"));
    }

    @Test
    void deserialize_missingUpcaster_throwsNamingTypeAndRevision() {
        var s = EventSerializer.builder().register("RefundCalculated", RefundCalculated.class, 2).build();
        var old = new RecordedEvent(UUID.randomUUID(), "s", 1, 1, "RefundCalculated", "{}", EventMetadata.of(NOW));

        assertThatThrownBy(() -> s.deserialize(old)).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("no upcaster for RefundCalculated revision 1");
    }

    @Test
    void deserialize_unknownType_throwsNonTransient() {
        var e = new RecordedEvent(UUID.randomUUID(), "s", 1, 1, "Nope", "{}", EventMetadata.of(NOW));

        assertThatThrownBy(() -> serializer.deserialize(e)).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("'Nope' is not registered")
                .satisfies(x -> assertThat(((EventStoreException) x).isTransient()).isFalse());
    }

    @Test
    void envelope_unregisteredClass_throws() {
        assertThatThrownBy(() -> serializer.envelope(UUID.randomUUID(), "a string", EventMetadata.of(NOW)))
                .isInstanceOf(EventStoreException.class).hasMessageContaining("java.lang.String");
    }

    @Test
    void builder_duplicateUpcaster_isRejected() {
        var b = EventSerializer.builder().upcaster(Upcaster.of("X", 1, ObjectNode::deepCopy));

        assertThatThrownBy(() -> b.upcaster(Upcaster.of("X", 1, ObjectNode::deepCopy)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
