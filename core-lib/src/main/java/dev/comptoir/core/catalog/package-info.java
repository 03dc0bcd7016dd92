/**
 * The product catalogue: categories, products (unique SKU, price, alert threshold, soft delete),
 * search and price management by the head office.
 *
 * <p>Entry point: {@link dev.comptoir.core.catalog.CatalogService}; the port an adapter
 * implements is {@link dev.comptoir.core.catalog.CatalogStore}.
 */
package dev.comptoir.core.catalog;
