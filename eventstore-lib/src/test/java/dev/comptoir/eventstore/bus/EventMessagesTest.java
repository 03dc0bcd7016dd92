package dev.comptoir.eventstore.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.RecordedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EventMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T10:15:30Z", "2026-11-25T10:15:00Z", "2026-11-25T10:15:30.120Z",
            "2026-11-25T10:15:30.000450Z", "2026-11-25T10:15:30.123456789Z", "1970-01-01T00:00:00Z",
            "2024-02-29T23:59:59.999Z"})
    void toFieldsThenFromFields_keepsEveryField(String instant) {
        RecordedEvent e = new RecordedEvent(UUID.randomUUID(), "claim-7", 3, 42, "ReclamationCreee", "{\"a\":1}",
                new EventMetadata(Instant.parse(instant), "corr", "cause", Map.of("revision", "2", "x", "y")));

        RecordedEvent back = EventMessages.fromFields(EventMessages.toFields(e));

        assertThat(back).isEqualTo(e);
    }

    @Test
    void fromFields_timestampWithOffsetOrZone_isParsedByJavaTime() {
        assertThat(EventMessages.parseTimestamp("2026-11-25T10:15:30Z")).isEqualTo(Instant.parse("2026-11-25T10:15:30Z"));
        assertThat(EventMessages.parseTimestamp("2026-11-25T10:15:30+02:00"))
                .isEqualTo(Instant.parse("2026-11-25T08:15:30Z"));
        assertThat(EventMessages.parseTimestamp("2026-11-25T10:15")).isEqualTo(Instant.parse("2026-11-25T10:15:00Z"));
        assertThat(EventMessages.parseTimestamp("2026-11-25T10:15:30.5")).isEqualTo(Instant.parse("2026-11-25T10:15:30.500Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01T00:00:00", "2026-11-25T25:00:00", "2026-11-25T10:15:3x", "2026-11-25 10:15:30",
            "yesterday"})
    void fromFields_badTimestamp_isRejected(String ts) {
        Map<String, String> f = new HashMap<>(EventMessages.toFields(new RecordedEvent(UUID.randomUUID(), "s", 1, 1, "T",
                "{}", EventMetadata.of(Instant.EPOCH))));
        f.put(EventMessages.TIMESTAMP, ts);

        assertThatThrownBy(() -> EventMessages.fromFields(f)).isInstanceOf(EventStoreException.class);
    }
}
