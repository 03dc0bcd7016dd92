-- core-lib schema baseline. Feature migrations follow:
--   V1..V49  store side (catalogue, inventory, sales/returns, restock/transfers, reports)
--   V50..V99 e-commerce (customers, carts, orders, payments, claims, refunds)
CREATE TABLE IF NOT EXISTS locations (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    address  TEXT    NOT NULL
);
