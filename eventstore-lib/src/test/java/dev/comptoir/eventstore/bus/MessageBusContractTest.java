package dev.comptoir.eventstore.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.eventstore.spi.MessageBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MessageBus} passes with {@link BusConsumer} (TCK): at-least-once
 * delivery, redelivery of pending messages, dead letters, order per stream, bounded length.
 */
public abstract class MessageBusContractTest {

    /** A new bus whose streams keep about {@code maxLength} messages; closed after each test. */
    protected abstract MessageBus createBus(long maxLength);

    /** The claim idle time the tests use. */
    protected abstract Duration idle();

    /** Makes at least {@link #idle()} pass (advance a clock; or nothing when real time is used). */
    protected abstract void passIdleTime();

    private final List<MessageBus> buses = new ArrayList<>();

    private MessageBus bus() {
        return bus(10_000);
    }

    private MessageBus bus(long maxLength) {
        var b = createBus(maxLength);
        buses.add(b);
        return b;
    }

    @AfterEach
    void closeBuses() {
        buses.forEach(MessageBus::close);
    }

    private static Map<String, String> msg(int n) {
        return Map.of("n", Integer.toString(n));
    }

    private BusConsumer.Builder consumer(MessageBus bus, String group, String name, List<String> seen) {
        return BusConsumer.builder(bus, group, name).streams("orders").claimIdleAfter(idle())
                .handler(m -> seen.add(m.field("n")));
    }

    @Test
    void pollOnce_publishedMessages_handledOnceInOrderAndAcked() {
        var bus = bus();
        for (int i = 0; i < 25; i++) {
            bus.publish("orders", msg(i));
        }
        var seen = new ArrayList<String>();
        var c = consumer(bus, "g", "c1", seen).build();

        assertThat(c.runUntilIdle()).isEqualTo(25);

        assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 25).mapToObj(Integer::toString).toList());
        assertThat(bus.pendingCount("g", "orders")).isZero();
        assertThat(c.pollOnce()).isZero();
    }

    @Test
    void pollOnce_twoGroups_eachGroupSeesEveryMessageIncludingHistory() {
        var bus = bus();
        bus.publish("orders", msg(1));
        var a = new ArrayList<String>();
        var b = new ArrayList<String>();
        consumer(bus, "audit", "w1", a).build().runUntilIdle();
        bus.publish("orders", msg(2));

        consumer(bus, "notify", "w1", b).build().runUntilIdle();
        consumer(bus, "audit", "w1", a).build().runUntilIdle();

        assertThat(a).containsExactly("1", "2");
        assertThat(b).containsExactly("1", "2");
    }

    @Test
    void pollOnce_twoConsumersOfOneGroup_shareTheMessagesWithoutOverlap() {
        var bus = bus();
        for (int i = 0; i < 10; i++) {
            bus.publish("orders", msg(i));
        }
        var first = new ArrayList<String>();
        var second = new ArrayList<String>();
        var c1 = consumer(bus, "g", "c1", first).batchSize(3).build();
        var c2 = consumer(bus, "g", "c2", second).batchSize(3).build();

        c1.pollOnce();
        c2.pollOnce();
        c1.runUntilIdle();
        c2.runUntilIdle();

        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty();
        Set<String> union = new HashSet<>(first);
        union.addAll(second);
        assertThat(union).hasSize(first.size() + second.size()).hasSize(10);
    }

    @Test
    void pollOnce_handlerFailsOnce_messageRedeliveredAfterIdleTime() {
        var bus = bus();
        bus.publish("orders", msg(1));
        bus.publish("orders", msg(2));
        var seen = new ArrayList<String>();
        var attempts = new ArrayList<Long>();
        var c = BusConsumer.builder(bus, "g", "c1").streams("orders").claimIdleAfter(idle())
                .handler(m -> {
                    if (m.field("n").equals("1")) {
                        attempts.add(m.deliveryCount());
                        if (attempts.size() == 1) {
                            throw new IllegalStateException("transient");
                        }
                    }
                    seen.add(m.field("n"));
                }).build();

        c.pollOnce();
        assertThat(seen).containsExactly("2");
        assertThat(bus.pendingCount("g", "orders")).isEqualTo(1);
        passIdleTime();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> c.pollOnce() > 0);

        assertThat(seen).containsExactly("2", "1");
        assertThat(attempts).containsExactly(1L, 2L);
        assertThat(bus.pendingCount("g", "orders")).isZero();
    }

    @Test
    void pollOnce_consumerDiedHoldingMessages_anotherConsumerClaimsThemAfterIdle() {
        var bus = bus();
        bus.publish("orders", msg(1));
        bus.publish("orders", msg(2));
        // consumer "dead" reads and never acknowledges
        assertThat(bus.readNew("g", "dead", List.of("orders"), 10)).hasSize(2);
        var seen = new ArrayList<String>();
        var counts = new ArrayList<Long>();
        var survivor = BusConsumer.builder(bus, "g", "alive").streams("orders").claimIdleAfter(idle())
                .handler(m -> {
                    seen.add(m.field("n"));
                    counts.add(m.deliveryCount());
                }).build();

        assertThat(survivor.pollOnce()).isZero();
        passIdleTime();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> survivor.pollOnce() > 0 && seen.size() == 2);

        assertThat(seen).containsExactly("1", "2");
        assertThat(counts).containsOnly(2L);
        assertThat(bus.pendingCount("g", "orders")).isZero();
    }

    @Test
    void pollOnce_poisonMessage_deadLetteredAfterMaxDeliveriesAndAcked() {
        var bus = bus();
        bus.publish("orders", msg(13));
        bus.publish("orders", msg(14));
        var seen = new ArrayList<String>();
        var c = BusConsumer.builder(bus, "g", "c1").streams("orders").claimIdleAfter(idle()).maxDeliveries(3)
                .handler(m -> {
                    if (m.field("n").equals("13")) {
                        throw new IllegalArgumentException("cannot handle 13");
                    }
                    seen.add(m.field("n"));
                }).build();

        c.pollOnce();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            passIdleTime();
            c.pollOnce();
            return c.deadLetteredCount() == 1;
        });

        assertThat(seen).containsExactly("14");
        assertThat(bus.pendingCount("g", "orders")).isZero();
        assertThat(bus.length("orders:dlq")).isEqualTo(1);
        var dead = bus.readNew("ops", "reader", List.of("orders:dlq"), 10).get(0);
        assertThat(dead.fields()).containsEntry("n", "13")
                .containsEntry(BusConsumer.DLQ_STREAM, "orders")
                .containsEntry(BusConsumer.DLQ_GROUP, "g")
                .containsEntry(BusConsumer.DLQ_DELIVERIES, "3");
        assertThat(dead.field(BusConsumer.DLQ_ERROR)).contains("cannot handle 13");
    }

    /** A consumer of "orders" that fails on the messages whose "n" is in {@code broken} (3 deliveries, then DLQ). */
    private BusConsumer fragileConsumer(MessageBus bus, Set<String> broken, List<String> seen) {
        return BusConsumer.builder(bus, "g", "c1").streams("orders").claimIdleAfter(idle()).maxDeliveries(3)
                .handler(m -> {
                    if (broken.contains(m.field("n"))) {
                        throw new IllegalArgumentException("cannot handle " + m.field("n"));
                    }
                    seen.add(m.field("n"));
                }).build();
    }

    private void deadLetter(BusConsumer c, long letters) {
        c.pollOnce();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            passIdleTime();
            c.pollOnce();
            return c.deadLetteredCount() == letters;
        });
    }

    @Test
    void deadLetters_replayAfterTheFix_consumerHandlesThemOnceAndTheyAreNotReplayedTwice() {
        var bus = bus();
        var broken = new HashSet<>(Set.of("13", "15"));
        var seen = new ArrayList<String>();
        var c = fragileConsumer(bus, broken, seen);
        for (int i = 13; i <= 15; i++) {
            bus.publish("orders", msg(i));
        }
        deadLetter(c, 2);
        assertThat(seen).containsExactly("14");
        broken.clear(); // the cause is fixed

        var replay = DeadLetters.of(bus).replay("orders", 10);
        c.runUntilIdle();

        assertThat(replay).isEqualTo(new DeadLetters.Replay(2, 0));
        assertThat(seen).containsExactly("14", "13", "15");
        assertThat(DeadLetters.of(bus).replay("orders", 10).taken()).isZero();
        assertThat(bus.length("orders:dlq")).isEqualTo(2); // the dead-letter stream stays as an audit trail
        assertThat(bus.pendingCount("g", "orders")).isZero();
    }

    @Test
    void deadLetters_replayRepublishesTheOriginalFieldsWithoutTheDlqFields() {
        var bus = bus();
        var c = fragileConsumer(bus, Set.of("13"), new ArrayList<>());
        bus.publish("orders", Map.of("n", "13", "event_id", "e-13"));
        deadLetter(c, 1);

        DeadLetters.of(bus).replay("orders", 10);

        var again = bus.readNew("audit", "a1", List.of("orders"), 10);
        assertThat(again).hasSize(2); // the original and its replay
        assertThat(again.get(1).fields()).isEqualTo(Map.of("n", "13", "event_id", "e-13"));
    }

    @Test
    void deadLetters_filter_replaysTheChosenAndDiscardsTheOthers() {
        var bus = bus();
        var broken = new HashSet<>(Set.of("13", "15"));
        var seen = new ArrayList<String>();
        var c = fragileConsumer(bus, broken, seen);
        bus.publish("orders", msg(13));
        bus.publish("orders", msg(15));
        deadLetter(c, 2);
        broken.clear();

        var replay = DeadLetters.of(bus).replay("orders", 10, m -> m.field("n").equals("15"));
        c.runUntilIdle();

        assertThat(replay).isEqualTo(new DeadLetters.Replay(1, 1));
        assertThat(seen).containsExactly("15");
        assertThat(DeadLetters.of(bus).replay("orders", 10).taken()).isZero();
    }

    @Test
    void deadLetters_replayInterrupted_nextReplayResumesWithTheLettersItHadTaken() {
        var bus = bus();
        var broken = new HashSet<>(Set.of("13", "14", "15"));
        var seen = new ArrayList<String>();
        var c = fragileConsumer(bus, broken, seen);
        for (int i = 13; i <= 15; i++) {
            bus.publish("orders", msg(i));
        }
        deadLetter(c, 3);
        broken.clear();
        var dlq = DeadLetters.of(bus);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dlq.replay("orders", 2, m -> {
            if (m.field("n").equals("14")) {
                throw new IllegalStateException("operator's filter crashed");
            }
            return true;
        })).hasMessageContaining("crashed");
        assertThat(dlq.interrupted("orders")).isEqualTo(1);
        var resumed = dlq.replay("orders", 10);
        c.runUntilIdle();

        assertThat(resumed).isEqualTo(new DeadLetters.Replay(2, 0));
        assertThat(dlq.interrupted("orders")).isZero();
        assertThat(seen).containsExactlyInAnyOrder("13", "14", "15");
    }

    @Test
    void pollOnce_twoStreams_keepsPublicationOrderPerStream() {
        var bus = bus();
        for (int i = 0; i < 30; i++) {
            bus.publish(i % 2 == 0 ? "orders" : "refunds", msg(i));
        }
        var perStream = new java.util.HashMap<String, List<Integer>>();
        var c = BusConsumer.builder(bus, "g", "c1").streams("orders", "refunds").batchSize(4)
                .handler(m -> perStream.computeIfAbsent(m.stream(), k -> new ArrayList<>()).add(Integer.parseInt(m.field("n"))))
                .build();

        c.runUntilIdle();

        assertThat(perStream.get("orders")).hasSize(15).isSorted();
        assertThat(perStream.get("refunds")).hasSize(15).isSorted();
    }

    @Test
    void publish_beyondMaxLength_trimsOldestMessages() {
        var bus = bus(100);
        for (int i = 0; i < 1_000; i++) {
            bus.publish("orders", msg(i));
        }

        assertThat(bus.length("orders")).isGreaterThanOrEqualTo(100).isLessThan(1_000);
    }
}
