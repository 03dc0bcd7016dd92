/**
 * Projections: read models fed from "read all" with atomic checkpoints, rebuild with
 * switch-over, and a checker. Entry point: {@link dev.comptoir.eventstore.projection.Projections}.
 */
package dev.comptoir.eventstore.projection;
