-- Shopping carts keyed by session id (the reference kept them in Redis, key cart:<session_id>, TTL 24 h).
CREATE TABLE carts (
    session_id  TEXT        PRIMARY KEY,
    customer_id BIGINT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX carts_expires_idx ON carts (expires_at);

CREATE TABLE cart_lines (
    session_id   TEXT          NOT NULL REFERENCES carts (session_id) ON DELETE CASCADE,
    product_id   BIGINT        NOT NULL,
    position     INTEGER       NOT NULL,
    product_name TEXT          NOT NULL,
    product_sku  TEXT,
    unit_price   NUMERIC(12, 2) NOT NULL CHECK (unit_price > 0),
    quantity     INTEGER       NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (session_id, product_id)
);
