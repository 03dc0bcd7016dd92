/**
 * Refunds of resolved claims: the reference's refund calculator with its eligibility rule, one
 * refund per claim (idempotent by claim id and correlation id), and the refund saga's steps.
 * Entry point: {@link dev.comptoir.core.refund.RefundService}; port:
 * {@link dev.comptoir.core.refund.RefundRepository}.
 */
package dev.comptoir.core.refund;
