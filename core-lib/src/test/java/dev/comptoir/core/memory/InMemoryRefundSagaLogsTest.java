package dev.comptoir.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.refundsaga.AuditEntry;
import dev.comptoir.core.refundsaga.Notification;
import dev.comptoir.core.refundsaga.RefundSagaLogsContractTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.comptoir.core.refundsaga.spi.AuditLog;
import dev.comptoir.core.refundsaga.spi.NotificationLog;
import dev.comptoir.core.refundsaga.spi.StockAdjustments;

class InMemoryRefundSagaLogsTest extends RefundSagaLogsContractTest {
    @Override
    protected StockAdjustments adjustments() {
        return new InMemoryRefundSagaAdjustments();
    }

    @Override
    protected NotificationLog notifications() {
        return new InMemoryNotificationLog();
    }

    @Override
    protected AuditLog audit() {
        return new InMemoryAuditLog();
    }

    @Test
    void boundedLogs_keepTheNewestEntriesAndCountThemAll() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        var notifications = new InMemoryNotificationLog(2);
        var audit = new InMemoryAuditLog(2);
        for (int i = 1; i <= 5; i++) {
            notifications.append(new Notification("n" + i, "email", "to", "s", "b", "T", "e" + i, "c", t));
            audit.append(new AuditEntry("a" + i, "e" + i, "T", "c", null, t, t, Map.of(), 0.0));
        }

        assertThat(notifications.count()).isEqualTo(5);
        assertThat(notifications.all()).extracting(Notification::notificationId).containsExactly("n4", "n5");
        assertThat(audit.count()).isEqualTo(5);
        assertThat(audit.all()).extracting(AuditEntry::auditId).containsExactly("a4", "a5");
    }
}
