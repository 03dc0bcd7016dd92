package dev.comptoir.saga.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.saga.Direction;
import dev.comptoir.saga.StepState;
import dev.comptoir.saga.StepTrace;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");

    private static Instant t(int s) {
        return T0.plusSeconds(s);
    }

    @Test
    void record_newStep_appendsEntryWithItsFields() {
        List<StepTrace> tl = Timeline.record(List.of(), "a", Direction.ACTION, StepState.SUCCEEDED, 1, t(0), t(1), null, 2);
        tl = Timeline.record(tl, "b", Direction.ACTION, StepState.FAILED, 3, t(2), t(3), "boom", 2);

        assertThat(tl).containsExactly(
                new StepTrace("a", Direction.ACTION, StepState.SUCCEEDED, 1, t(0), t(1), null),
                new StepTrace("b", Direction.ACTION, StepState.FAILED, 3, t(2), t(3), "boom"));
    }

    @Test
    void record_sameStepAndDirection_replacesLastKeepingFirstStartAndLastError() {
        List<StepTrace> tl = Timeline.record(List.of(), "a", Direction.ACTION, StepState.RETRY_SCHEDULED, 1, t(0), t(1),
                "slow", 4);
        List<StepTrace> next = Timeline.record(tl, "a", Direction.ACTION, StepState.SUCCEEDED, 2, t(5), t(6), null, 4);

        assertThat(next).containsExactly(new StepTrace("a", Direction.ACTION, StepState.SUCCEEDED, 2, t(0), t(6), "slow"));
        assertThat(tl).containsExactly(
                new StepTrace("a", Direction.ACTION, StepState.RETRY_SCHEDULED, 1, t(0), t(1), "slow"));
    }

    @Test
    void record_fromOlderVersion_leavesNewerVersionsUntouched() {
        List<StepTrace> base = Timeline.record(List.of(), "a", Direction.ACTION, StepState.SUCCEEDED, 1, t(0), t(1), null, 4);
        List<StepTrace> first = Timeline.record(base, "b", Direction.ACTION, StepState.SUCCEEDED, 1, t(1), t(2), null, 4);
        List<StepTrace> second = Timeline.record(base, "a", Direction.COMPENSATION, StepState.FAILED, 1, t(3), t(4), "x", 4);

        assertThat(first).extracting(StepTrace::step).containsExactly("a", "b");
        assertThat(second).extracting(StepTrace::step).containsExactly("a", "a");
        assertThat(second.get(1).direction()).isEqualTo(Direction.COMPENSATION);
        assertThat(base).hasSize(1);
    }

    @Test
    void record_beyondCapacity_growsAndKeepsEarlierEntries() {
        List<StepTrace> tl = List.of();
        for (int i = 0; i < 9; i++) {
            tl = Timeline.record(tl, "s" + i, Direction.ACTION, StepState.SUCCEEDED, 1, t(i), t(i + 1), null, 2);
        }

        assertThat(tl).extracting(StepTrace::step).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
        assertThat(tl.get(8).finishedAt()).isEqualTo(t(9));
    }

    @Test
    void record_onPlainList_copiesItsEntries() {
        StepTrace a = new StepTrace("a", Direction.ACTION, StepState.SUCCEEDED, 1, t(0), t(1), null);
        List<StepTrace> tl = Timeline.record(List.of(a), "b", Direction.ACTION, StepState.AWAITING_REPLY, 1, t(1), t(2),
                null, 2);

        assertThat(tl).containsExactly(a, new StepTrace("b", Direction.ACTION, StepState.AWAITING_REPLY, 1, t(1), t(2), null));
    }

    @Test
    void get_outOfRange_throws() {
        List<StepTrace> tl = Timeline.record(List.of(), "a", Direction.ACTION, StepState.SUCCEEDED, 1, t(0), t(1), null, 4);

        assertThatThrownBy(() -> tl.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> tl.add(tl.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }
}
