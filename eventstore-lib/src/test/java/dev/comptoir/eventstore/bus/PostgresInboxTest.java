package dev.comptoir.eventstore.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.PgTestSupport;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresInboxTest {
    private static PgTestSupport pg;
    private static String schema;

    @BeforeAll
    static void setUp() {
        pg = new PgTestSupport(4);
        schema = pg.newSchema("es_inbox");
        EventStore.postgres(pg.dataSource(), schema).close();
    }

    @AfterAll
    static void tearDown() {
        pg.close();
    }

    @Test
    void runOnce_sameKeyTwice_runsEffectOnceInTheSameTransaction() {
        var inbox = Inboxes.postgres(pg.dataSource(), schema);
        var ran = new AtomicInteger();

        boolean first = inbox.runOnce("refunds", "evt-1", h -> {
            h.execute("CREATE TABLE IF NOT EXISTS " + schema + ".effects (k text)");
            h.execute("INSERT INTO " + schema + ".effects VALUES ('evt-1')");
            ran.incrementAndGet();
        });
        boolean second = inbox.runOnce("refunds", "evt-1", h -> ran.incrementAndGet());

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(ran.get()).isEqualTo(1);
        assertThat(inbox.isProcessed("refunds", "evt-1")).isTrue();
        assertThat(inbox.isProcessed("audit", "evt-1")).isFalse();
    }

    @Test
    void runOnce_effectThrows_leavesKeyUnprocessedForRetry() {
        var inbox = Inboxes.postgres(pg.dataSource(), schema);

        assertThatThrownBy(() -> inbox.runOnce("refunds", "evt-2", () -> {
            throw new IllegalStateException("payment down");
        })).hasMessage("payment down");

        assertThat(inbox.isProcessed("refunds", "evt-2")).isFalse();
        assertThat(inbox.runOnce("refunds", "evt-2", () -> { })).isTrue();
    }

    @Test
    void inMemory_runOnce_sameKeyTwice_runsOnce() {
        var inbox = Inboxes.inMemory();
        var ran = new AtomicInteger();

        inbox.runOnce("c", "k", ran::incrementAndGet);
        inbox.runOnce("c", "k", ran::incrementAndGet);

        assertThat(ran.get()).isEqualTo(1);
    }
}
