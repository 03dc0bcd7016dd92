-- Store sales and returns (store side, brief A1).
CREATE TABLE sales (
    id             UUID PRIMARY KEY,
    store_id       INTEGER        NOT NULL,
    cashier_id     TEXT           NOT NULL,
    register_id    TEXT           NOT NULL,
    customer_id    TEXT,
    at             TIMESTAMPTZ    NOT NULL,
    payment_method TEXT           NOT NULL,
    gross          NUMERIC(14, 2) NOT NULL,
    discount       NUMERIC(14, 2) NOT NULL,
    subtotal       NUMERIC(14, 2) NOT NULL,
    federal_tax    NUMERIC(14, 2) NOT NULL,
    provincial_tax NUMERIC(14, 2) NOT NULL,
    tax            NUMERIC(14, 2) NOT NULL,
    final_amount   NUMERIC(14, 2) NOT NULL,
    status         TEXT           NOT NULL CHECK (status IN ('COMPLETED', 'PARTIALLY_RETURNED', 'RETURNED'))
);
CREATE INDEX sales_at_idx ON sales (at DESC);
CREATE INDEX sales_store_at_idx ON sales (store_id, at DESC);

CREATE TABLE sale_lines (
    sale_id          UUID           NOT NULL REFERENCES sales (id),
    line_no          INTEGER        NOT NULL,
    product_id       BIGINT         NOT NULL,
    product_name     TEXT           NOT NULL,
    quantity         INTEGER        NOT NULL CHECK (quantity > 0),
    unit_price       NUMERIC(12, 2) NOT NULL,
    discount_percent NUMERIC(5, 2)  NOT NULL,
    line_total       NUMERIC(14, 2) NOT NULL,
    discount         NUMERIC(14, 2) NOT NULL,
    returned         INTEGER        NOT NULL DEFAULT 0,
    PRIMARY KEY (sale_id, line_no),
    CONSTRAINT sale_lines_returned_within_sold CHECK (returned >= 0 AND returned <= quantity)
);

CREATE TABLE sale_returns (
    id             UUID PRIMARY KEY,
    sale_id        UUID           NOT NULL REFERENCES sales (id),
    at             TIMESTAMPTZ    NOT NULL,
    cashier_id     TEXT           NOT NULL,
    reason         TEXT           NOT NULL,
    gross          NUMERIC(14, 2) NOT NULL,
    discount       NUMERIC(14, 2) NOT NULL,
    subtotal       NUMERIC(14, 2) NOT NULL,
    federal_tax    NUMERIC(14, 2) NOT NULL,
    provincial_tax NUMERIC(14, 2) NOT NULL,
    tax            NUMERIC(14, 2) NOT NULL,
    refund_amount  NUMERIC(14, 2) NOT NULL
);
CREATE INDEX sale_returns_sale_idx ON sale_returns (sale_id);

CREATE TABLE sale_return_lines (
    return_id        UUID           NOT NULL REFERENCES sale_returns (id),
    line_no          INTEGER        NOT NULL,
    product_id       BIGINT         NOT NULL,
    quantity         INTEGER        NOT NULL CHECK (quantity > 0),
    unit_price       NUMERIC(12, 2) NOT NULL,
    discount_percent NUMERIC(5, 2)  NOT NULL,
    line_total       NUMERIC(14, 2) NOT NULL,
    discount         NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (return_id, line_no)
);
