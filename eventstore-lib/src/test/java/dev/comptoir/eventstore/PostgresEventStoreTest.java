package dev.comptoir.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresEventStoreTest extends EventStoreContractTest {
    private static PgTestSupport pg;

    @BeforeAll
    static void connect() {
        pg = new PgTestSupport(8);
    }

    @AfterAll
    static void dropSchemas() {
        pg.close();
    }

    @Override
    protected EventStore createStore() {
        return EventStore.postgres(pg.dataSource(), pg.newSchema("es_tck"));
    }

    @Override
    protected int tortureAppendsPerWriter() {
        return 100;
    }

    @Test
    void subscribe_appendThroughAnotherStoreInstance_isWokenByNotify() {
        String schema = pg.newSchema("es_notify");
        try (var writer = EventStore.postgres(pg.dataSource(), schema);
             var reader = EventStore.postgres(pg.dataSource(), schema)) {
            var seen = new ConcurrentLinkedQueue<UUID>();
            try (var sub = reader.subscribe(0, e -> seen.add(e.eventId()))) {
                // the fallback poll is far away: only a NOTIFY from the writer's instance wakes the reader in time
                sub.start(Thread.ofPlatform().daemon().factory(), Duration.ofMinutes(5));
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                    var e = TestEvents.event(1);
                    writer.append("notified", ExpectedVersion.any(), e);
                    return !seen.isEmpty();
                });
            }
            assertThat(seen).isNotEmpty();
        }
    }

    @Test
    void subscribe_listenerStartsAfterTheWriterFoundNobodyListening_isStillWokenByNotify() {
        String schema = pg.newSchema("es_notify_late");
        try (var writer = EventStore.postgres(pg.dataSource(), schema);
             var reader = EventStore.postgres(pg.dataSource(), schema)) {
            writer.append("early", ExpectedVersion.any(), TestEvents.event(1)); // nobody listens yet: no NOTIFY
            var seen = new ConcurrentLinkedQueue<UUID>();
            try (var sub = reader.subscribe(0, e -> seen.add(e.eventId()))) {
                sub.start(Thread.ofPlatform().daemon().factory(), Duration.ofMinutes(5));
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                    writer.append("late", ExpectedVersion.any(), TestEvents.event(3));
                    return seen.size() >= 2; // the subscription's first read, then a NOTIFY-driven one
                });
            }
            assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void append_streamMovedThroughAnotherStoreInstance_numbersAfterTheRealHeadOrConflicts() {
        String schema = pg.newSchema("es_heads");
        try (var a = EventStore.postgres(pg.dataSource(), schema);
             var b = EventStore.postgres(pg.dataSource(), schema)) {
            a.append("shared", ExpectedVersion.noStream(), TestEvents.event(1));
            b.append("shared", ExpectedVersion.exactly(1), TestEvents.event(2));
            b.append("shared", ExpectedVersion.any(), TestEvents.event(3));

            // a last wrote version 1; the stream is at 3 now
            var appended = (AppendResult.Appended) a.append("shared", ExpectedVersion.any(), TestEvents.event(4));
            assertThat(appended.version()).isEqualTo(4);
            b.append("shared", ExpectedVersion.any(), TestEvents.event(5));
            assertThatThrownBy(() -> a.append("shared", ExpectedVersion.exactly(4), TestEvents.event(6)))
                    .isInstanceOf(ConcurrencyConflictException.class);
            assertThatThrownBy(() -> a.append("shared", ExpectedVersion.noStream(), TestEvents.event(7)))
                    .isInstanceOf(ConcurrencyConflictException.class);
            assertThat(a.readStreamForward("shared", 1, 10)).extracting(RecordedEvent::streamVersion)
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }
}
