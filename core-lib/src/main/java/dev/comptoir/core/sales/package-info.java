/**
 * Store sales and returns: lines priced from the catalogue with optional discounts, Québec
 * taxes by the single {@link dev.comptoir.core.money.TaxPolicy}, stock decremented at the
 * store, history and daily summaries; returns of some or all lines with a refund amount.
 *
 * <p>Entry point: {@link dev.comptoir.core.sales.SalesService}; the port an adapter implements
 * is {@link dev.comptoir.core.sales.SalesStore}.
 */
package dev.comptoir.core.sales;
