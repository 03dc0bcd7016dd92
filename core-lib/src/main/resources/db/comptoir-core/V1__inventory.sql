-- Inventory (store side, brief A1): stock per (product, location), reservations, movement journal.
-- No foreign key to products: the inventory is usable on its own (benchmarks, order saga).
CREATE TABLE stock (
    product_id      BIGINT  NOT NULL,
    location_id     INTEGER NOT NULL,
    on_hand         BIGINT  NOT NULL DEFAULT 0,
    reserved        BIGINT  NOT NULL DEFAULT 0,
    alert_threshold INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, location_id),
    CONSTRAINT stock_on_hand_non_negative CHECK (on_hand >= 0),
    CONSTRAINT stock_reserved_within_on_hand CHECK (reserved >= 0 AND reserved <= on_hand),
    CONSTRAINT stock_threshold_non_negative CHECK (alert_threshold >= 0)
);
CREATE INDEX stock_location_idx ON stock (location_id);

CREATE TABLE stock_movements (
    id             BIGSERIAL PRIMARY KEY,
    kind           TEXT        NOT NULL CHECK (kind IN ('RECEIPT', 'ADJUSTMENT', 'SALE', 'RETURN', 'TRANSFER_OUT',
                                                        'TRANSFER_IN', 'RESERVATION', 'RELEASE', 'CONFIRMATION', 'EXPIRY')),
    product_id     BIGINT      NOT NULL,
    location_id    INTEGER     NOT NULL,
    on_hand_delta  BIGINT      NOT NULL,
    reserved_delta BIGINT      NOT NULL,
    reference      TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX stock_movements_row_idx ON stock_movements (product_id, location_id, id);

-- A reservation's lines never change, so they are kept in the row as three parallel arrays
-- (product, location, quantity): one row to insert and one to update per operation.
CREATE TABLE reservations (
    id          TEXT PRIMARY KEY,
    owner       TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    closed_at   TIMESTAMPTZ,
    product_ids BIGINT[]    NOT NULL,
    location_ids INTEGER[]  NOT NULL,
    quantities  BIGINT[]    NOT NULL,
    CONSTRAINT reservations_lines_parallel CHECK (cardinality(product_ids) > 0
        AND cardinality(product_ids) = cardinality(location_ids) AND cardinality(product_ids) = cardinality(quantities))
);
CREATE INDEX reservations_active_expiry_idx ON reservations (expires_at) WHERE status = 'ACTIVE';
