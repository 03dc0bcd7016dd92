package dev.comptoir.core.salesview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.projection.CheckResult;
import dev.comptoir.eventstore.projection.InMemoryProjectionRunner;
import dev.comptoir.eventstore.projection.Projections;
import dev.comptoir.saga.VirtualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SalesViewTest {
    private final VirtualClock clock = VirtualClock.at("2026-11-25T15:00:00Z"); // 10:00 in Québec
    private final EventStore store = EventStore.inMemory(clock);
    private final SalesPublisher sales = new SalesPublisher(store, clock);
    private final InMemoryProjectionRunner<SalesReadModel> runner = Projections.inMemory(store,
            new SalesProjection(SalesEventTypes.serializer()), SalesReadModel::new, clock);

    @Test
    void project_salesReturnsAndOrders_sumsPerStorePerLocalDay() {
        sales.saleRecorded("s1", 2, new BigDecimal("59.98"), 2);
        sales.saleRecorded("s2", 2, new BigDecimal("10.00"), 1);
        sales.saleReturned("r1", "s1", 2, new BigDecimal("29.99"));
        sales.orderCompleted("saga-1", 1, new BigDecimal("101.94"));
        clock.advance(Duration.ofHours(10)); // 01:00 UTC next day = 20:00 the same day in Québec
        sales.saleRecorded("s3", 2, new BigDecimal("5.00"), 1);
        clock.advance(Duration.ofHours(4)); // next local day
        sales.saleRecorded("s4", 2, new BigDecimal("7.50"), 1);

        runner.runUntilIdle();

        DayTotals d = runner.readModel().day(2, LocalDate.parse("2026-11-25"));
        assertThat(d.sales()).isEqualTo(3);
        assertThat(d.salesAmount()).isEqualByComparingTo("74.98");
        assertThat(d.returns()).isEqualTo(1);
        assertThat(d.net()).isEqualByComparingTo("44.99");
        assertThat(runner.readModel().day(2, LocalDate.parse("2026-11-26")).salesAmount()).isEqualByComparingTo("7.50");
        assertThat(runner.readModel().day(1, LocalDate.parse("2026-11-25")).ordersAmount()).isEqualByComparingTo("101.94");
        assertThat(runner.readModel().totalNet()).isEqualByComparingTo("154.43");
    }

    @Test
    void publish_sameSaleTwice_countedOnce() {
        sales.saleRecorded("s1", 3, new BigDecimal("12.00"), 1);
        sales.saleRecorded("s1", 3, new BigDecimal("12.00"), 1);
        sales.orderCompleted("saga-9", 3, new BigDecimal("1.00"));
        sales.orderCompleted("saga-9", 3, new BigDecimal("1.00"));

        runner.runUntilIdle();

        DayTotals d = runner.readModel().day(3, LocalDate.parse("2026-11-25"));
        assertThat(d.sales()).isEqualTo(1);
        assertThat(d.orders()).isEqualTo(1);
    }

    @Test
    void check_afterIncrementalPolls_equalsFreshReplay() {
        for (int i = 0; i < 50; i++) {
            sales.saleRecorded("s" + i, 1 + i % 5, new BigDecimal(i + ".25"), 1);
            if (i % 4 == 0) {
                sales.saleReturned("r" + i, "s" + i, 1 + i % 5, new BigDecimal("0.25"));
            }
            clock.advance(Duration.ofHours(1));
            if (i % 9 == 0) {
                runner.pollOnce();
            }
        }
        runner.runUntilIdle();

        assertThat(runner.check()).isInstanceOf(CheckResult.Consistent.class);
        assertThat(runner.readModel().all().stream().mapToLong(DayTotals::sales).sum()).isEqualTo(50);
    }
}
