/**
 * Head-office reports computed from the domain: sales per store over a period, top products,
 * stock levels and low-stock alerts, and the dashboard of per-store indicators.
 *
 * <p>Entry point: {@link dev.comptoir.core.report.ReportService}.
 */
package dev.comptoir.core.report;
