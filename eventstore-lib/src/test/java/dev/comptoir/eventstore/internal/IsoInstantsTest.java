package dev.comptoir.eventstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {
    private static final long MIN = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    record Stamped(Instant at) {
    }

    private final ObjectMapper plain = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final ObjectMapper fast = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(IsoInstants.module()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void formatAndParse_agreeWithJavaTimeOnRandomInstants() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(MIN, MAX + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);

            String text = IsoInstants.format(t);

            assertThat(text).isEqualTo(t.toString());
            assertThat(IsoInstants.parseOrNull(text)).isEqualTo(t);
        }
    }

    @Test
    void jackson_writesAndReadsTheSameJsonAsJavaTimeModule() throws Exception {
        for (String s : new String[] {"2026-11-25T10:15:30Z", "2026-11-25T10:15:30.120Z", "1969-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "-0001-06-01T00:00:00Z"}) {
            Stamped v = new Stamped(Instant.parse(s));

            String json = fast.writeValueAsString(v);

            assertThat(json).isEqualTo(plain.writeValueAsString(v));
            assertThat(fast.readValue(json, Stamped.class)).isEqualTo(v);
        }
    }

    @Test
    void jackson_otherShapes_areReadByJavaTimeModule() throws Exception {
        assertThat(fast.readValue("{\"at\":\"2026-11-25T12:15:30+02:00\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-11-25T10:15:30Z"));
        assertThat(fast.readValue("{\"at\":1764065730.5}", Stamped.class).at())
                .isEqualTo(plain.readValue("{\"at\":1764065730.5}", Stamped.class).at());
        assertThatThrownBy(() -> fast.readValue("{\"at\":\"2026-13-25T10:15:30Z\"}", Stamped.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T10:15:30", "2026-11-25 10:15:30Z", "2026-11-25T10:15:30.Z", "2026-11-25T10:15Z",
            "2026-11-25T10:15:30.1234567890Z", "20x6-11-25T10:15:30Z", "yesterday"})
    void parseOrNull_otherShapes_areLeftToTheFullParser(String text) {
        assertThat(IsoInstants.parseOrNull(text)).isNull();
    }

    @Test
    void parseUtcLocalOrNull_readsTheZonelessShape() {
        assertThat(IsoInstants.parseUtcLocalOrNull("2026-11-25T10:15:30.5")).isEqualTo(Instant.parse("2026-11-25T10:15:30.500Z"));
        assertThat(IsoInstants.parseUtcLocalOrNull("2026-11-25T10:15")).isNull();
        assertThatThrownBy(() -> IsoInstants.parseUtcLocalOrNull("2026-02-30T10:15:30"))
                .isInstanceOf(java.time.DateTimeException.class);
    }
}
