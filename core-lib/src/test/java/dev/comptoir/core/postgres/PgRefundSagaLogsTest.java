package dev.comptoir.core.postgres;

import dev.comptoir.core.refundsaga.RefundSagaLogsContractTest;
import dev.comptoir.core.refundsaga.spi.AuditLog;
import dev.comptoir.core.refundsaga.spi.NotificationLog;
import dev.comptoir.core.refundsaga.spi.StockAdjustments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgRefundSagaLogsTest extends RefundSagaLogsContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("refund_saga_logs", 3);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected StockAdjustments adjustments() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE refund_saga_adjustments, notifications, audit_trail"));
        return new PgRefundSagaAdjustments(db.database().jdbi());
    }

    @Override
    protected NotificationLog notifications() {
        return new PgNotificationLog(db.database().jdbi());
    }

    @Override
    protected AuditLog audit() {
        return new PgAuditLog(db.database().jdbi());
    }
}
