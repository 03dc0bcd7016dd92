package dev.comptoir.eventstore.projection;

import static dev.comptoir.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.PgTestSupport;
import dev.comptoir.eventstore.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresProjectionRunnerTest {

    /**
     * Counts per type; {@code applied} has the event id as primary key, so applying an event twice
     * fails the transaction instead of passing silently.
     */
    static class TypeCounts implements PostgresProjection {
        long failPosition = -1;

        @Override
        public String name() {
            return "type-counts";
        }

        @Override
        public List<String> tables() {
            return List.of("type_counts", "applied");
        }

        @Override
        public void createTables(ReadModelTx tx) {
            tx.handle().execute("CREATE TABLE " + tx.table("type_counts") + " (type text PRIMARY KEY, n bigint NOT NULL)");
            tx.handle().execute("CREATE TABLE " + tx.table("applied") + " (event_id uuid PRIMARY KEY, position bigint NOT NULL)");
        }

        @Override
        public void apply(ReadModelTx tx, RecordedEvent e) {
            if (e.position() == failPosition) {
                throw new IllegalStateException("crash while applying " + e.position());
            }
            tx.handle().execute("INSERT INTO " + tx.table("type_counts") + " VALUES (?, 1) ON CONFLICT (type) DO UPDATE SET n = "
                    + tx.table("type_counts") + ".n + 1", e.type());
            tx.handle().execute("INSERT INTO " + tx.table("applied") + " VALUES (?, ?)", e.eventId(), e.position());
        }
    }

    private static PgTestSupport pg;
    private String schema;
    private EventStore store;
    private Jdbi jdbi;

    @BeforeAll
    static void connect() {
        pg = new PgTestSupport(6);
    }

    @AfterAll
    static void dropSchemas() {
        pg.close();
    }

    @BeforeEach
    void createStore() {
        schema = pg.newSchema("es_proj");
        store = EventStore.postgres(pg.dataSource(), schema);
        jdbi = Jdbi.create(pg.dataSource());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void appendMany(int n) {
        var batch = new ArrayList<dev.comptoir.eventstore.EventEnvelope>();
        for (int i = 0; i < n; i++) {
            batch.add(event(i % 2 == 0 ? "Even" : "Odd", "{}"));
        }
        store.append("s", ExpectedVersion.any(), batch.subList(0, n / 2));
        store.append("t", ExpectedVersion.any(), batch.subList(n / 2, n));
        dev.comptoir.eventstore.TestEvents.awaitVisible(store, n);
    }

    private Map<String, Long> counts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT type, n FROM " + schema + ".type_counts")
                .setMapKeyColumn("type").setMapValueColumn("n").collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, Long>>() { }));
    }

    private long appliedRows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + schema + ".applied").mapTo(Long.class).one());
    }

    @Test
    void runUntilIdle_appliesAllEventsInBatchesAndReportsNoLag() {
        appendMany(35);
        var runner = Projections.postgres(store, pg.dataSource(), schema, new TypeCounts(), 10);

        assertThat(runner.pollOnce()).isEqualTo(10);
        assertThat(runner.status().lag()).isEqualTo(25);
        runner.runUntilIdle();

        assertThat(counts()).containsEntry("Even", 18L).containsEntry("Odd", 17L);
        assertThat(runner.status().lag()).isZero();
        assertThat(runner.status().position()).isEqualTo(store.readAll(0, 100).get(34).position());
    }

    @Test
    void pollOnce_crashMidBatch_neverAppliesTwiceNorSkips() {
        appendMany(35);
        var projection = new TypeCounts();
        var all = store.readAll(0, 100);
        projection.failPosition = all.get(16).position();
        var runner = Projections.postgres(store, pg.dataSource(), schema, projection, 10);

        assertThat(runner.pollOnce()).isEqualTo(10);
        assertThat(runner.pollOnce()).isEqualTo(6); // events 11-16 committed alone, 17 failed
        assertThat(runner.status().lastError()).contains("crash while applying");
        assertThat(runner.status().lastErrorAt()).isNotNull();
        assertThat(runner.pollOnce()).isZero();
        assertThat(appliedRows()).isEqualTo(16);

        // the process "restarts": a new runner resumes from the stored checkpoint
        projection.failPosition = -1;
        var restarted = Projections.postgres(store, pg.dataSource(), schema, projection, 10);
        restarted.runUntilIdle();

        assertThat(appliedRows()).isEqualTo(35);
        assertThat(counts()).containsEntry("Even", 18L).containsEntry("Odd", 17L);
        assertThat(restarted.status().lastError()).isNull();
    }

    @Test
    void rebuild_switchesToFreshTablesWithSameContentAndReportsProgress() {
        appendMany(60);
        var runner = Projections.postgres(store, pg.dataSource(), schema, new TypeCounts(), 25);
        runner.runUntilIdle();
        // corrupt the live model; the rebuild must not carry it over
        jdbi.useHandle(h -> h.execute("UPDATE " + schema + ".type_counts_g1 SET n = 0"));
        var progress = new ArrayList<Long>();

        var result = runner.rebuild((done, total) -> progress.add(done));

        assertThat(result.generation()).isEqualTo(2);
        assertThat(result.eventsRead()).isEqualTo(60);
        assertThat(progress).isSorted().contains(25L, 60L);
        assertThat(counts()).containsEntry("Even", 30L).containsEntry("Odd", 30L);
        boolean oldDropped = jdbi.withHandle(h -> h.createQuery("SELECT to_regclass(:t) IS NULL")
                .bind("t", schema + ".type_counts_g1").mapTo(Boolean.class).one());
        assertThat(oldDropped).as("old generation dropped").isTrue();
        store.append("u", ExpectedVersion.any(), event("Odd", "{}"));
        dev.comptoir.eventstore.TestEvents.awaitVisible(store, 61);
        runner.runUntilIdle();
        assertThat(counts()).containsEntry("Odd", 31L);
    }

    @Test
    void check_consistentThenTampered_reportsDivergenceNamingTheTable() {
        appendMany(20);
        var runner = Projections.postgres(store, pg.dataSource(), schema, new TypeCounts(), 7);
        runner.runUntilIdle();

        assertThat(runner.check()).isInstanceOf(CheckResult.Consistent.class);
        jdbi.useHandle(h -> h.execute("UPDATE " + schema + ".type_counts_g1 SET n = n + 1 WHERE type = 'Odd'"));

        assertThat(runner.check()).isInstanceOfSatisfying(CheckResult.Diverged.class,
                d -> assertThat(d.differences()).containsExactly("type_counts: 1 rows only live, 1 only rebuilt"));
    }

    @Test
    void create_badTableName_isRejected() {
        var bad = new TypeCounts() {
            @Override
            public List<String> tables() {
                return List.of("Robert'); DROP TABLE x;--");
            }
        };

        assertThatThrownBy(() -> Projections.postgres(store, pg.dataSource(), schema, bad))
                .isInstanceOf(dev.comptoir.eventstore.EventStoreException.class);
    }
}
