package dev.comptoir.eventstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    @Test
    void format_writesWhatInstantToStringWrites() {
        var random = new SplittableRandom(11);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(min, max + 1);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nano);
            assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
        }
    }

    @Test
    void format_edgesAndYearsOutsideFourDigits_sameAsInstantToString() {
        for (String s : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2000-02-29T12:00:00.010Z",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.000001Z", "+10000-01-01T00:00:00Z", "-0001-06-30T00:00:00Z"}) {
            Instant t = Instant.parse(s);
            assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
        }
        assertThat(IsoInstant.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(IsoInstant.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }
}
