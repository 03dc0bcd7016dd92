package dev.comptoir.saga.spi;

import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.SagaState;
import dev.comptoir.saga.StepTrace;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The stored form of one saga: everything a runtime needs to resume it, plus its timeline.
 * Immutable; a transition produces a new record with {@code version + 1}.
 *
 * <pre>{@code
 * SagaRecord claimed = storage.claimDue("node-1", now, now.plusSeconds(30), 10).getFirst();
 * }</pre>
 *
 * @param id                the saga
 * @param definitionName    definition name
 * @param definitionVersion definition version the saga started on
 * @param idempotencyKey    start key; unique per definition name
 * @param state             lifecycle state
 * @param stepIndex         step being run (RUNNING), compensated (COMPENSATING) or that got stuck (STUCK)
 * @param attempt           attempt number of the current invocation, 1-based
 * @param awaitingReply     true while waiting for an asynchronous reply ({@code dueAt} is then the timeout)
 * @param data              the saga data (a record of the definition's data type)
 * @param timeline          per-step entries
 * @param failure           failure reason, or {@code null}
 * @param createdAt         creation time
 * @param updatedAt         last transition time
 * @param dueAt             when the saga needs the runtime next (now, a retry time or a reply timeout);
 *                          {@code null} when nothing is scheduled (terminal or stuck)
 * @param leaseOwner        runtime instance currently advancing it, or {@code null}
 * @param leaseUntil        lease expiry, or {@code null}
 * @param version           optimistic version, 0 when created
 */
public record SagaRecord(SagaId id, String definitionName, int definitionVersion, String idempotencyKey,
                         SagaState state, int stepIndex, int attempt, boolean awaitingReply, Object data,
                         List<StepTrace> timeline, String failure, Instant createdAt, Instant updatedAt,
                         Instant dueAt, String leaseOwner, Instant leaseUntil, long version) {
    public SagaRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definitionName, "definitionName");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((leaseOwner == null) != (leaseUntil == null)) {
            throw new IllegalArgumentException("leaseOwner and leaseUntil must both be set or both be null");
        }
        if (attempt < 1 || stepIndex < 0 || version < 0) {
            throw new IllegalArgumentException("attempt >= 1, stepIndex >= 0 and version >= 0 required");
        }
    }

    /** The same record leased to {@code owner} until {@code until}, one version later (what a claim stores). */
    public SagaRecord leasedTo(String owner, Instant until) {
        return new SagaRecord(id, definitionName, definitionVersion, idempotencyKey, state, stepIndex, attempt,
                awaitingReply, data, timeline, failure, createdAt, updatedAt, dueAt, owner, until, version + 1);
    }

    /** True when {@code owner} holds an unexpired lease at {@code now}. */
    public boolean isLeasedBy(String owner, Instant now) {
        return owner.equals(leaseOwner) && leaseUntil.isAfter(now);
    }

    /**
     * When a claim may take this saga: {@code dueAt}, or the lease expiry if that is later;
     * {@code null} when nothing is scheduled.
     */
    public Instant visibleAt() {
        if (dueAt == null || !state.isActive()) {
            return null;
        }
        return leaseUntil != null && leaseUntil.isAfter(dueAt) ? leaseUntil : dueAt;
    }
}
