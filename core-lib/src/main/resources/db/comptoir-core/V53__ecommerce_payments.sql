-- Payments, keyed by transaction id (the idempotency key), and their refunds.
CREATE TABLE payments (
    transaction_id      TEXT           PRIMARY KEY,
    customer_id         TEXT           NOT NULL,
    amount              NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency            TEXT           NOT NULL,
    payment_method      TEXT           NOT NULL,
    status              TEXT           NOT NULL,
    authorization_code  TEXT,
    captured_amount     NUMERIC(12, 2) NOT NULL,
    refunded_amount     NUMERIC(12, 2) NOT NULL,
    error_code          TEXT,
    decline_reason      TEXT,
    response_code       TEXT,
    response_message    TEXT,
    risk_score          INTEGER,
    processor_reference TEXT,
    card_last_four      TEXT,
    card_brand          TEXT,
    card_exp_month      TEXT,
    card_exp_year       TEXT,
    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    CHECK (refunded_amount <= captured_amount AND captured_amount <= amount)
);

CREATE TABLE payment_refunds (
    seq                 BIGINT GENERATED ALWAYS AS IDENTITY,
    refund_id           TEXT           PRIMARY KEY,
    transaction_id      TEXT           NOT NULL REFERENCES payments (transaction_id),
    amount              NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    currency            TEXT           NOT NULL,
    reason              TEXT           NOT NULL,
    refund_reference    TEXT           NOT NULL,
    response_code       TEXT           NOT NULL,
    response_message    TEXT           NOT NULL,
    risk_score          INTEGER        NOT NULL,
    processor_reference TEXT,
    processed_at        TIMESTAMPTZ    NOT NULL
);
CREATE INDEX payment_refunds_txn_idx ON payment_refunds (transaction_id, seq);
