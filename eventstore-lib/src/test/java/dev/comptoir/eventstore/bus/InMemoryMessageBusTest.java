package dev.comptoir.eventstore.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.eventstore.MutableClock;
import dev.comptoir.eventstore.spi.MessageBus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InMemoryMessageBusTest extends MessageBusContractTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @Override
    protected MessageBus createBus(long maxLength) {
        return MessageBuses.inMemory(clock, DeliveryPolicies.reliable(), maxLength);
    }

    @Override
    protected Duration idle() {
        return Duration.ofSeconds(30);
    }

    @Override
    protected void passIdleTime() {
        clock.advance(Duration.ofSeconds(31));
    }

    private List<String> runFaulty(long seed) {
        var bus = MessageBuses.inMemory(clock, DeliveryPolicies.faulty(new SplittableRandom(seed), 0.2, 0.2, 0.5), 10_000);
        for (int i = 0; i < 40; i++) {
            bus.publish("s", Map.of("n", Integer.toString(i)));
        }
        var seen = new ArrayList<String>();
        var c = BusConsumer.builder(bus, "g", "c").streams("s").claimIdleAfter(Duration.ofSeconds(30))
                .handler(m -> seen.add(m.field("n"))).build();
        for (int round = 0; round < 20; round++) {
            c.runUntilIdle();
            clock.advance(Duration.ofSeconds(31));
        }
        assertThat(bus.pendingCount("g", "s")).isZero();
        return seen;
    }

    @Test
    void faultyPolicy_sameSeed_reproducesTheSameDeliveriesAndLosesNothing() {
        var first = runFaulty(42);
        var second = runFaulty(42);

        assertThat(first).isEqualTo(second);
        assertThat(first).containsAll(java.util.stream.IntStream.range(0, 40).mapToObj(Integer::toString).toList());
        assertThat(first.size()).as("duplicates were injected").isGreaterThan(40);
        assertThat(first).as("reordering was injected")
                .isNotEqualTo(first.stream().sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList());
    }
}
