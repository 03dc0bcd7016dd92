-- Customer claims (state-based; seed-behaviour.md §1.4 / §4.1) and their refunds (§5.2), which keep their claim id.
CREATE TABLE claims (
    claim_id       UUID        PRIMARY KEY,
    customer_id    TEXT        NOT NULL,
    claim_type     TEXT        NOT NULL
        CHECK (claim_type IN ('product_defect', 'delivery_issue', 'billing_error', 'service_complaint')),
    description    TEXT        NOT NULL,
    product_id     TEXT,
    status         TEXT        NOT NULL
        CHECK (status IN ('created', 'assigned', 'in_progress', 'resolved', 'closed')),
    assigned_agent TEXT,
    resolution     TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    assigned_at    TIMESTAMPTZ,
    started_at     TIMESTAMPTZ,
    resolved_at    TIMESTAMPTZ,
    closed_at      TIMESTAMPTZ
);
CREATE INDEX claims_created_idx ON claims (created_at, claim_id);

CREATE TABLE claim_refunds (
    claim_id       UUID           PRIMARY KEY,
    correlation_id TEXT           NOT NULL UNIQUE,
    customer_id    TEXT           NOT NULL,
    product_id     TEXT,
    claim_type     TEXT           NOT NULL,
    amount         NUMERIC(12, 2) CHECK (amount >= 0),
    status         TEXT           NOT NULL CHECK (status IN ('processing', 'completed', 'failed', 'compensated')),
    failure_reason TEXT,
    created_at     TIMESTAMPTZ    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL
);
