package dev.comptoir.core.memory;

import dev.comptoir.core.refundsaga.RefundSagaLogsContractTest;
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
}
