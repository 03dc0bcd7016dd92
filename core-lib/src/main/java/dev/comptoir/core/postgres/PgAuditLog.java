package dev.comptoir.core.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comptoir.core.refundsaga.AuditEntry;
import dev.comptoir.core.refundsaga.spi.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link AuditLog} in table {@code audit_trail} (migration V101), event data as JSONB. Thread-safe.
 *
 * <pre>{@code
 * ClaimsModule.builder(store, refunds).audit(new PgAuditLog(db.jdbi()));
 * }</pre>
 */
public final class PgAuditLog implements AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLS = "audit_id, event_id, event_type, aggregate_id, correlation_id, audited_at,"
            + " event_timestamp, event_data::text AS event_data, processing_latency_seconds";
    private final Jdbi jdbi;

    public PgAuditLog(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void append(AuditEntry e) {
        String data;
        try {
            data = JSON.writeValueAsString(e.eventData());
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event data of " + e.eventId() + " is not JSON-serialisable", ex);
        }
        PgRefundSagaAdjustments.call("storing an audit entry", () -> jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO audit_trail (audit_id, event_id, event_type, aggregate_id, correlation_id, audited_at,"
                                + " event_timestamp, event_data, processing_latency_seconds) VALUES (:a, :e, :t, :agg, :c,"
                                + " :at, :et, CAST(:data AS jsonb), :lat)")
                .bind("a", e.auditId()).bind("e", e.eventId()).bind("t", e.eventType()).bind("agg", e.aggregateId())
                .bind("c", e.correlationId()).bind("at", e.timestamp()).bind("et", e.eventTimestamp()).bind("data", data)
                .bind("lat", e.latencySeconds()).execute()));
    }

    @Override
    public List<AuditEntry> all() {
        return PgRefundSagaAdjustments.call("listing the audit trail", () -> jdbi.withHandle(h -> h.createQuery(
                "SELECT " + COLS + " FROM audit_trail ORDER BY seq").map((rs, ctx) -> map(rs)).list()));
    }

    @Override
    public long count() {
        return PgRefundSagaAdjustments.call("counting the audit trail", () -> jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_trail").mapTo(Long.class).one()));
    }

    @Override
    public List<AuditEntry> byAggregate(String aggregateId) {
        return PgRefundSagaAdjustments.call("reading the audit trail", () -> jdbi.withHandle(h -> h.createQuery(
                "SELECT " + COLS + " FROM audit_trail WHERE aggregate_id = :a ORDER BY seq").bind("a", aggregateId)
                .map((rs, ctx) -> map(rs)).list()));
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        Map<String, Object> data;
        try {
            data = JSON.readValue(rs.getString("event_data"), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException ex) {
            throw new SQLException("bad event_data", ex);
        }
        return new AuditEntry(rs.getString("audit_id"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("aggregate_id"), rs.getString("correlation_id"), instant(rs.getTimestamp("audited_at")),
                instant(rs.getTimestamp("event_timestamp")), data, rs.getDouble("processing_latency_seconds"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
