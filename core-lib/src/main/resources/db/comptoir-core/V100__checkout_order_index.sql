-- Order saga (checkout): which order each saga placed, so placing is idempotent by saga id.
CREATE TABLE checkout_order_index (
    saga_id    TEXT        PRIMARY KEY,
    order_id   BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
