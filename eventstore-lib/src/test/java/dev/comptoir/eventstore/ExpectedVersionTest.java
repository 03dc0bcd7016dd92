package dev.comptoir.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    @Test
    void matches_eachKind_acceptsOnlyItsVersions() {
        assertThat(ExpectedVersion.any().matches(0)).isTrue();
        assertThat(ExpectedVersion.any().matches(7)).isTrue();
        assertThat(ExpectedVersion.noStream().matches(0)).isTrue();
        assertThat(ExpectedVersion.noStream().matches(1)).isFalse();
        assertThat(ExpectedVersion.exactly(3).matches(3)).isTrue();
        assertThat(ExpectedVersion.exactly(3).matches(4)).isFalse();
    }

    @Test
    void exactly_zero_isNoStream() {
        assertThat(ExpectedVersion.exactly(0)).isEqualTo(ExpectedVersion.noStream());
    }

    @Test
    void exact_negative_isRejected() {
        assertThatThrownBy(() -> new ExpectedVersion.Exact(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void conflict_expected_saysWhatWasExpectedAndFound() {
        var e = ConcurrencyConflictException.expected("claim-42", ExpectedVersion.exactly(4), 5);

        assertThat(e).hasMessage("concurrency conflict on stream claim-42: expected version 4 but the stream is at version 5");
    }
}
