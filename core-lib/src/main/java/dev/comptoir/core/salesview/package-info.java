/**
 * Sales view: POS sales and returns and completed e-commerce orders appended as events by
 * {@link dev.comptoir.core.salesview.SalesPublisher}, projected into per-store per-day totals
 * ({@link dev.comptoir.core.salesview.SalesReadModel}; PostgreSQL:
 * {@code dev.comptoir.core.postgres.PgSalesViewProjection}).
 */
package dev.comptoir.core.salesview;
