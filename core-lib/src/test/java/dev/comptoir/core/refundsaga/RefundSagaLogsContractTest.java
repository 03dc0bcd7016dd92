package dev.comptoir.core.refundsaga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.refundsaga.spi.AuditLog;
import dev.comptoir.core.refundsaga.spi.NotificationLog;
import dev.comptoir.core.refundsaga.spi.StockAdjustments;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of the refund saga's stores ({@link StockAdjustments}, {@link NotificationLog},
 * {@link AuditLog}); subclass it and implement the three factories (fresh, empty stores).
 */
public abstract class RefundSagaLogsContractTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    protected abstract StockAdjustments adjustments();

    protected abstract NotificationLog notifications();

    protected abstract AuditLog audit();

    private StockAdjustments adj;
    private NotificationLog log;
    private AuditLog trail;

    @BeforeEach
    void setUp() {
        adj = adjustments();
        log = notifications();
        trail = audit();
    }

    @Test
    void insertIfAbsent_sameCorrelationTwice_keepsTheFirst() {
        StockAdjustment a = StockAdjustment.processing("corr-1", "claim-1", "product_123", T0);

        assertThat(adj.insertIfAbsent(a)).isTrue();
        assertThat(adj.insertIfAbsent(StockAdjustment.processing("corr-1", "claim-2", "p", T0))).isFalse();

        assertThat(adj.find("corr-1")).contains(a);
        assertThat(adj.findByClaim("claim-1")).contains(a);
        assertThat(adj.findByClaim("claim-2")).isEmpty();
    }

    @Test
    void update_completedThenCompensated_readsBackLatest() {
        StockAdjustment a = StockAdjustment.processing("corr-2", "claim-2", "product_456", T0);
        adj.insertIfAbsent(a);

        adj.update(a.with("completed", 1, 24, null, T0.plusSeconds(1)));
        adj.update(a.with("compensated", 0, 23, null, T0.plusSeconds(2)));

        StockAdjustment back = adj.find("corr-2").orElseThrow();
        assertThat(back.status()).isEqualTo("compensated");
        assertThat(back.newStockLevel()).isEqualTo(23);
        assertThat(back.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(adj.all()).hasSize(1);
    }

    @Test
    void notifications_appended_areListedOldestFirst() {
        log.append(new Notification("notif_1", "email", "customer_1@example.com", "s", "b", "ReclamationCreee", "e1",
                "claim-1", T0));
        log.append(new Notification("sms_1", "sms", "+331234561", null, "m", "ReclamationCreee", "e1", "claim-1", T0));

        assertThat(log.all()).extracting(Notification::notificationId).containsExactly("notif_1", "sms_1");
        assertThat(log.all().getLast().subject()).isNull();
    }

    @Test
    void audit_appended_filtersByAggregateAndKeepsEventData() {
        trail.append(new AuditEntry("audit_1", "e1", "ReclamationCreee", "claim-1", "corr", T0.plusSeconds(2), T0,
                Map.of("claim_id", "claim-1", "status", "created"), 2.0));
        trail.append(new AuditEntry("audit_2", "e2", "ReclamationCreee", "claim-2", null, T0, T0, Map.of(), 0.0));

        assertThat(trail.all()).hasSize(2);
        assertThat(trail.byAggregate("claim-1")).singleElement().satisfies(e -> {
            assertThat(e.eventData()).containsEntry("status", "created");
            assertThat(e.latencySeconds()).isEqualTo(2.0);
            assertThat(e.correlationId()).isEqualTo("corr");
        });
    }

    @Test
    void count_countsEveryEntryAppended() {
        assertThat(log.count()).isZero();
        assertThat(trail.count()).isZero();
        for (int i = 0; i < 3; i++) {
            log.append(new Notification("n" + i, "email", "to", "s", "b", "ReclamationCreee", "e" + i, "claim-1", T0));
            trail.append(new AuditEntry("a" + i, "e" + i, "ReclamationCreee", "claim-1", null, T0, T0, Map.of(), 0.0));
        }

        assertThat(log.count()).isEqualTo(3);
        assertThat(trail.count()).isEqualTo(3);
    }
}
