-- Restock requests, their status history, and stock transfers (store side, brief A1).
CREATE SEQUENCE restock_request_ids;
CREATE SEQUENCE stock_transfer_ids;

CREATE TABLE restock_requests (
    id                 BIGINT PRIMARY KEY,
    requester_id       INTEGER     NOT NULL,
    supplier_id        INTEGER     NOT NULL,
    product_id         BIGINT      NOT NULL,
    requested_quantity BIGINT      NOT NULL CHECK (requested_quantity > 0),
    approved_quantity  BIGINT      NOT NULL DEFAULT 0,
    status             TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DELIVERED', 'REJECTED')),
    requested_at       TIMESTAMPTZ NOT NULL,
    processed_at       TIMESTAMPTZ,
    comment            TEXT        NOT NULL DEFAULT '',
    rejection_reason   TEXT,
    transfer_id        BIGINT,
    CONSTRAINT restock_approved_within_requested CHECK (approved_quantity >= 0 AND approved_quantity <= requested_quantity)
);
CREATE INDEX restock_requests_status_idx ON restock_requests (status, id);

CREATE TABLE restock_status_history (
    request_id  BIGINT      NOT NULL REFERENCES restock_requests (id),
    seq         INTEGER     NOT NULL,
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    note        TEXT        NOT NULL DEFAULT '',
    PRIMARY KEY (request_id, seq)
);

CREATE TABLE stock_transfers (
    id             BIGINT PRIMARY KEY,
    source_id      INTEGER     NOT NULL,
    destination_id INTEGER     NOT NULL,
    product_id     BIGINT      NOT NULL,
    quantity       BIGINT      NOT NULL CHECK (quantity > 0),
    at             TIMESTAMPTZ NOT NULL,
    request_id     BIGINT REFERENCES restock_requests (id)
);
CREATE INDEX stock_transfers_source_idx ON stock_transfers (source_id);
CREATE INDEX stock_transfers_destination_idx ON stock_transfers (destination_id);
