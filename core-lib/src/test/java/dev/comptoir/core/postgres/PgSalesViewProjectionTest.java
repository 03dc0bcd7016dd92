package dev.comptoir.core.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.salesview.SalesEventTypes;
import dev.comptoir.core.salesview.SalesProjection;
import dev.comptoir.core.salesview.SalesPublisher;
import dev.comptoir.core.salesview.SalesReadModel;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.projection.CheckResult;
import dev.comptoir.eventstore.projection.InMemoryProjectionRunner;
import dev.comptoir.eventstore.projection.ProjectionRunner;
import dev.comptoir.eventstore.projection.Projections;
import dev.comptoir.saga.VirtualClock;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgSalesViewProjectionTest {
    private static TestDatabase db;
    private static EventStore store;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.create("salesview", 4);
        store = PgClaimViewModule.eventStore(db.database());
    }

    @AfterAll
    static void tearDown() {
        store.close();
        db.close();
    }

    @Test
    void project_onPostgres_equalsRebuildAndInMemoryTotals() {
        VirtualClock clock = VirtualClock.at("2026-11-25T12:00:00Z");
        SalesPublisher sales = new SalesPublisher(store, clock);
        String schema = PgClaimViewModule.eventSchema(db.database());
        ProjectionRunner pg = Projections.postgres(store, db.database().dataSource(), schema,
                new PgSalesViewProjection(SalesEventTypes.serializer()));
        for (int i = 0; i < 30; i++) {
            sales.saleRecorded("s" + i, 1 + i % 3, new BigDecimal("10.10"), 1);
            if (i % 5 == 0) {
                sales.saleReturned("r" + i, "s" + i, 1 + i % 3, new BigDecimal("1.01"));
                sales.orderCompleted("o" + i, 1, new BigDecimal("20.00"));
            }
            clock.advance(Duration.ofHours(3));
        }

        pg.runUntilIdle();

        assertThat(pg.check()).isInstanceOf(CheckResult.Consistent.class);
        InMemoryProjectionRunner<SalesReadModel> memory = Projections.inMemory(store,
                new SalesProjection(SalesEventTypes.serializer()), SalesReadModel::new, clock);
        memory.runUntilIdle();
        BigDecimal pgNet = db.database().jdbi().withHandle(h -> h.createQuery("SELECT sum(sales_amount + orders_amount"
                + " - returns_amount) FROM " + schema + ".sales_daily_totals").mapTo(BigDecimal.class).one());
        Long rows = db.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + schema
                + ".sales_daily_totals").mapTo(Long.class).one());
        assertThat(pgNet).isEqualByComparingTo(memory.readModel().totalNet());
        assertThat(rows).isEqualTo(memory.readModel().all().size());
    }
}
