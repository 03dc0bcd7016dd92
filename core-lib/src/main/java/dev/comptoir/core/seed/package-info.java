/**
 * The reference's initial data (seed-behaviour.md §1.3), loadable into any adapter:
 * {@link dev.comptoir.core.seed.SeedData}.
 */
package dev.comptoir.core.seed;
