package dev.comptoir.sim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class TimedLoopTest {

    @Test
    void run_countsEveryOperationOfEveryThreadAndRecordsOneLatencyEach() {
        LongAdder calls = new LongAdder();
        var threadsSeen = ConcurrentHashMap.<Integer>newKeySet();

        TimedLoop.Result r = TimedLoop.run("t", 3, Duration.ofMillis(50), (thread, i) -> {
            threadsSeen.add(thread);
            calls.increment();
        });

        assertThat(r.ops()).isEqualTo(calls.sum()).isPositive();
        assertThat(r.latencies().count()).isEqualTo((int) r.ops());
        assertThat(threadsSeen).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(r.seconds()).isPositive();
        assertThat(r.opsPerSecond()).isEqualTo(r.ops() / r.seconds());
    }

    @Test
    void run_workersAreCreatedPerThreadAndClosedAfterTheDeadline() {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();

        TimedLoop.run("t", 4, Duration.ofMillis(20), thread -> {
            created.incrementAndGet();
            return new TimedLoop.Worker() {
                @Override
                public void run(long index) {
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        });

        assertThat(created).hasValue(4);
        assertThat(closed).hasValue(4);
    }

    @Test
    void run_operationThrows_failsWithThatException() {
        assertThatThrownBy(() -> TimedLoop.run("t", 2, Duration.ofSeconds(30), (thread, i) -> {
            throw new IllegalArgumentException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("boom")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void result_plus_addsOperationsAndSecondsAndMergesLatencies() {
        var a = new LatencyRecorder();
        a.record(1_000_000);
        var b = new LatencyRecorder();
        b.record(3_000_000);

        TimedLoop.Result sum = TimedLoop.Result.EMPTY.plus(new TimedLoop.Result(10, 1.0, a))
                .plus(new TimedLoop.Result(30, 1.0, b));

        assertThat(sum.ops()).isEqualTo(40);
        assertThat(sum.opsPerSecond()).isEqualTo(20.0);
        assertThat(sum.latencies().count()).isEqualTo(2);
        assertThat(sum.latencies().percentileMillis(100)).isEqualTo(3.0);
    }
}
