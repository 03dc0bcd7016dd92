package dev.comptoir.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

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
}
