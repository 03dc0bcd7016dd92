-- Refund saga (seed-behaviour §4.2, §4.3, §4.9): stock adjustments, sent notifications, audit trail.
CREATE TABLE refund_saga_adjustments (
    correlation_id  TEXT        PRIMARY KEY,
    claim_id        TEXT        NOT NULL,
    product_id      TEXT,
    status          TEXT        NOT NULL CHECK (status IN ('processing', 'completed', 'failed', 'compensated')),
    quantity        INTEGER     NOT NULL,
    new_stock_level BIGINT      NOT NULL,
    error           TEXT,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX refund_saga_adjustments_claim_idx ON refund_saga_adjustments (claim_id);

CREATE TABLE notifications (
    seq             BIGSERIAL   PRIMARY KEY,
    notification_id TEXT        NOT NULL,
    type            TEXT        NOT NULL CHECK (type IN ('email', 'sms')),
    recipient       TEXT        NOT NULL,
    subject         TEXT,
    body            TEXT,
    event_type      TEXT        NOT NULL,
    event_id        TEXT,
    claim_id        TEXT,
    sent_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_trail (
    seq                        BIGSERIAL        PRIMARY KEY,
    audit_id                   TEXT             NOT NULL,
    event_id                   TEXT             NOT NULL,
    event_type                 TEXT             NOT NULL,
    aggregate_id               TEXT             NOT NULL,
    correlation_id             TEXT,
    audited_at                 TIMESTAMPTZ,
    event_timestamp            TIMESTAMPTZ,
    event_data                 JSONB            NOT NULL,
    processing_latency_seconds DOUBLE PRECISION NOT NULL
);
CREATE INDEX audit_trail_aggregate_idx ON audit_trail (aggregate_id, seq);
