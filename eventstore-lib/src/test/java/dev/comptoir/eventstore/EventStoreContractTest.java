package dev.comptoir.eventstore;

import static dev.comptoir.eventstore.TestEvents.T0;
import static dev.comptoir.eventstore.TestEvents.awaitVisible;
import static dev.comptoir.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EventStore} implementation passes (TCK). Subclass it and return a
 * fresh, empty store from {@link #createStore()}.
 */
public abstract class EventStoreContractTest {

    /** A new, empty store; closed after each test. */
    protected abstract EventStore createStore();

    protected EventStore store;

    @BeforeEach
    void openStore() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void append_newStream_numbersVersionsFromOneWithIncreasingPositions() {
        var result = store.append("claim-1", ExpectedVersion.noStream(), event(1), event(2), event(3));

        assertThat(result).isInstanceOf(AppendResult.Appended.class);
        assertThat(result.version()).isEqualTo(3);
        assertThat(result.positions()).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(store.streamVersion("claim-1")).isEqualTo(3);
        assertThat(store.readStreamForward("claim-1", 1, 10)).extracting(RecordedEvent::streamVersion)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void streamVersion_unknownStream_isZero() {
        assertThat(store.streamVersion("nobody")).isZero();
        assertThat(store.readStreamForward("nobody", 1, 10)).isEmpty();
    }

    @Test
    void append_noStreamOnExistingStream_throwsConflict() {
        store.append("s", ExpectedVersion.noStream(), event(1));

        assertThatThrownBy(() -> store.append("s", ExpectedVersion.noStream(), event(2)))
                .isInstanceOf(ConcurrencyConflictException.class)
                .hasMessageContaining("expected no stream")
                .hasMessageContaining("version 1");
        assertThat(store.streamVersion("s")).isEqualTo(1);
    }

    @Test
    void append_staleVersion_throwsConflictNamingExpectedAndActual() {
        store.append("s", ExpectedVersion.any(), event(1), event(2));

        var thrown = org.junit.jupiter.api.Assertions.assertThrows(ConcurrencyConflictException.class,
                () -> store.append("s", ExpectedVersion.exactly(1), event(3)));

        assertThat(thrown.streamId()).isEqualTo("s");
        assertThat(thrown.expectedVersion()).isEqualTo(ExpectedVersion.exactly(1));
        assertThat(thrown.actualVersion()).isEqualTo(2);
        assertThat(thrown.isTransient()).isFalse();
        assertThat(store.readStreamForward("s", 1, 10)).hasSize(2);
    }

    @Test
    void append_versionAhead_throwsConflict() {
        store.append("s", ExpectedVersion.any(), event(1));

        assertThatThrownBy(() -> store.append("s", ExpectedVersion.exactly(5), event(2)))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.streamVersion("s")).isEqualTo(1);
    }

    @Test
    void append_exactVersion_appendsAfterIt() {
        store.append("s", ExpectedVersion.noStream(), event(1));

        var r = store.append("s", ExpectedVersion.exactly(1), event(2), event(3));

        assertThat(r.version()).isEqualTo(3);
        assertThat(store.readStreamForward("s", 2, 10)).extracting(RecordedEvent::payload)
                .containsExactly("{\"n\":2}", "{\"n\":3}");
    }

    @Test
    void append_sameEventIdsAgain_isNoOpReturningStoredPositions() {
        var e1 = event(1);
        var e2 = event(2);
        var first = store.append("s", ExpectedVersion.noStream(), e1, e2);

        var again = store.append("s", ExpectedVersion.noStream(), e1, e2);

        assertThat(again).isInstanceOf(AppendResult.AlreadyAppended.class);
        assertThat(again.positions()).isEqualTo(first.positions());
        assertThat(again.version()).isEqualTo(2);
        awaitVisible(store, 2);
        assertThat(store.readAll(0, 100)).hasSize(2);
        assertThat(store.readStreamForward("s", 1, 10)).hasSize(2);
    }

    @Test
    void append_someIdsAlreadyStored_throwsNonTransient() {
        var e1 = event(1);
        store.append("s", ExpectedVersion.any(), e1);

        assertThatThrownBy(() -> store.append("s", ExpectedVersion.any(), e1, event(2)))
                .isInstanceOf(EventStoreException.class)
                .satisfies(e -> assertThat(((EventStoreException) e).isTransient()).isFalse())
                .hasMessageContaining("1 of 2");
        assertThat(store.streamVersion("s")).isEqualTo(1);
    }

    @Test
    void append_emptyBatch_isRejected() {
        assertThatThrownBy(() -> store.append("s", ExpectedVersion.any(), List.of()))
                .isInstanceOf(EventStoreException.class).hasMessageContaining("no events");
    }

    @Test
    void readStreamBackward_fromVersion_returnsNewestFirst() {
        store.append("s", ExpectedVersion.any(), event(1), event(2), event(3), event(4));

        assertThat(store.readStreamBackward("s", 3, 2)).extracting(RecordedEvent::streamVersion).containsExactly(3L, 2L);
        assertThat(store.readStreamBackward("s", Long.MAX_VALUE, 10)).extracting(RecordedEvent::streamVersion)
                .containsExactly(4L, 3L, 2L, 1L);
    }

    @Test
    void readStreamForward_fromMiddle_pagesInVersionOrder() {
        for (int i = 1; i <= 7; i++) {
            store.append("s", ExpectedVersion.exactly(i - 1), event(i));
        }
        store.append("other", ExpectedVersion.any(), event(99));

        assertThat(store.readStreamForward("s", 3, 3)).extracting(RecordedEvent::streamVersion).containsExactly(3L, 4L, 5L);
        assertThat(store.readStreamForward("s", 6, 10)).extracting(RecordedEvent::streamVersion).containsExactly(6L, 7L);
    }

    @Test
    void readAll_inPages_returnsEveryEventOnceInPositionOrder() {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 25; i++) {
            var e = event(i);
            ids.add(e.eventId());
            store.append("s-" + (i % 4), ExpectedVersion.any(), e);
        }
        awaitVisible(store, 25);

        var seen = new ArrayList<RecordedEvent>();
        long after = 0;
        List<RecordedEvent> page;
        while (!(page = store.readAll(after, 7)).isEmpty()) {
            assertThat(page.size()).isLessThanOrEqualTo(7);
            seen.addAll(page);
            after = page.get(page.size() - 1).position();
        }

        assertThat(seen).extracting(RecordedEvent::eventId).containsExactlyElementsOf(ids);
        assertThat(seen).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(store.countAfter(0)).isEqualTo(25);
        assertThat(store.countAfter(seen.get(19).position())).isEqualTo(5);
    }

    @Test
    void recordedEvent_roundTripsMetadataAndPayload() {
        var md = new EventMetadata(T0, "corr-7", "cause-3", Map.of("service", "claims", "revision", "2"));
        var env = new EventEnvelope(UUID.randomUUID(), "ReclamationCreee", "{\"claim_id\":\"c-1\",\"amount\":\"12.50\"}", md);

        var result = store.append("claim-c-1", ExpectedVersion.noStream(), env);
        awaitVisible(store, 1);

        RecordedEvent read = store.readAll(0, 10).get(0);
        assertThat(read.eventId()).isEqualTo(env.eventId());
        assertThat(read.streamId()).isEqualTo("claim-c-1");
        assertThat(read.streamVersion()).isEqualTo(1);
        assertThat(read.position()).isEqualTo(result.positions().get(0));
        assertThat(read.type()).isEqualTo("ReclamationCreee");
        assertThat(read.payload()).isEqualTo(env.payload());
        assertThat(read.metadata()).isEqualTo(md);
    }

    @Test
    void subscribe_fromCheckpoint_deliversHistoryThenLiveEvents() {
        store.append("a", ExpectedVersion.any(), event(1), event(2));
        awaitVisible(store, 2);
        long checkpoint = store.readAll(0, 10).get(0).position();
        var seen = new ArrayList<String>();

        try (var sub = store.subscribe(checkpoint, e -> seen.add(e.payload()))) {
            assertThat(sub.runUntilIdle()).isEqualTo(1);
            store.append("b", ExpectedVersion.any(), event(3));
            awaitVisible(store, 3);
            assertThat(sub.pollOnce()).isEqualTo(1);
            assertThat(sub.pollOnce()).isZero();
            assertThat(sub.position()).isEqualTo(store.readAll(0, 10).get(2).position());
        }
        assertThat(seen).containsExactly("{\"n\":2}", "{\"n\":3}");
    }

    @Test
    void subscribe_handlerFails_keepsCheckpointBeforeFailingEvent() {
        store.append("a", ExpectedVersion.any(), event(1), event(2), event(3));
        awaitVisible(store, 3);
        var seen = new ArrayList<String>();
        var fail = new AtomicBoolean(true);
        var sub = store.subscribe(0, e -> {
            if (e.payload().contains("2") && fail.get()) {
                throw new IllegalStateException("boom");
            }
            seen.add(e.payload());
        });

        assertThatThrownBy(sub::pollOnce).hasMessage("boom");
        fail.set(false);
        sub.runUntilIdle();

        assertThat(seen).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    @Test
    void subscribe_started_receivesLiveAppendsInBackground() {
        var seen = new ConcurrentLinkedQueue<UUID>();
        try (var sub = store.subscribe(0, e -> seen.add(e.eventId()))) {
            sub.start(Thread.ofPlatform().daemon().factory(), Duration.ofMillis(200));
            var e = event(1);
            store.append("live", ExpectedVersion.any(), e);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains(e.eventId()));
        }
    }

    @Test
    void append_concurrentWritersOnOneStream_exactlyOneWinsEachVersion() throws Exception {
        int writers = 4;
        var barrier = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            var futures = new ArrayList<Future<Boolean>>();
            for (int w = 0; w < writers; w++) {
                futures.add(pool.submit(() -> {
                    barrier.await(5, TimeUnit.SECONDS);
                    try {
                        store.append("contended", ExpectedVersion.noStream(), event(0));
                        return true;
                    } catch (ConcurrencyConflictException e) {
                        return false;
                    }
                }));
            }
            long winners = 0;
            for (var f : futures) {
                winners += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.streamVersion("contended")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Appends per writer in the torture test; subclasses may lower it for slow stores. */
    protected int tortureAppendsPerWriter() {
        return 150;
    }

    @Test
    void readAll_eightWritersTwoTailingReaders_everyReaderSeesEveryEventOnceInOrder() throws Exception {
        int writers = 8;
        int perWriter = tortureAppendsPerWriter();
        var written = Collections.synchronizedSet(new HashSet<UUID>());
        var done = new AtomicBoolean(false);
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            var readerResults = new ArrayList<Future<List<RecordedEvent>>>();
            for (int r = 0; r < 2; r++) {
                readerResults.add(pool.submit(() -> {
                    var seen = new ArrayList<RecordedEvent>();
                    long after = 0;
                    start.await();
                    long deadline = System.nanoTime() + 60_000_000_000L;
                    while (System.nanoTime() < deadline) {
                        boolean finished = done.get();
                        var page = store.readAll(after, 64);
                        seen.addAll(page);
                        if (!page.isEmpty()) {
                            after = page.get(page.size() - 1).position();
                        } else if (finished && seen.size() >= written.size()) {
                            return seen;
                        }
                    }
                    return seen;
                }));
            }
            var writerResults = new ArrayList<Future<?>>();
            for (int w = 0; w < writers; w++) {
                int seed = w;
                writerResults.add(pool.submit(() -> {
                    var random = new SplittableRandom(seed);
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        String stream = "torture-" + random.nextInt(5);
                        int size = 1 + random.nextInt(3);
                        var batch = IntStream.range(0, size).mapToObj(k -> event(k)).toList();
                        store.append(stream, ExpectedVersion.any(), batch);
                        batch.forEach(e -> written.add(e.eventId()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : writerResults) {
                f.get(60, TimeUnit.SECONDS);
            }
            done.set(true);
            for (var f : readerResults) {
                List<RecordedEvent> seen = f.get(60, TimeUnit.SECONDS);
                assertThat(seen).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
                Set<UUID> ids = new HashSet<>();
                seen.forEach(e -> ids.add(e.eventId()));
                assertThat(ids).hasSize(seen.size()).isEqualTo(written);
            }
            for (int s = 0; s < 5; s++) {
                var stream = store.readStreamForward("torture-" + s, 1, 100_000);
                assertThat(stream).extracting(RecordedEvent::streamVersion)
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, stream.size()).mapToObj(v -> (long) v).toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
