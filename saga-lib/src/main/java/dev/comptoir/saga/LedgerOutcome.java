package dev.comptoir.saga;

/**
 * What {@link ParticipantLedger#execute} did with one delivery.
 *
 * <pre>{@code
 * switch (ledger.execute(ctx.idempotencyKey(), String.class, () -> stock.reserve(items))) {
 *     case LedgerOutcome.Applied<String> a -> ...;   // first delivery: the effect ran now
 *     case LedgerOutcome.Replayed<String> r -> ...;  // duplicate: the first result, effect not re-run
 *     case LedgerOutcome.Skipped<String> s -> ...;   // cancelled by a compensation, or nothing to compensate
 * }
 * }</pre>
 *
 * @param <R> the effect's result type
 */
public sealed interface LedgerOutcome<R> {

    /** The effect ran now; {@code result} is what it returned (may be null). */
    record Applied<R>(R result) implements LedgerOutcome<R> {
    }

    /** A duplicate delivery: the effect had already run; {@code result} is its first result. */
    record Replayed<R>(R result) implements LedgerOutcome<R> {
    }

    /**
     * Nothing ran: an action whose compensation arrived first (tombstone), or a compensation
     * whose action never ran (a tombstone is recorded so a late action becomes a no-op).
     */
    record Skipped<R>() implements LedgerOutcome<R> {
    }

    /** The result of the effect (applied now or earlier), or {@code null} when skipped. */
    default R resultOrNull() {
        return switch (this) {
            case Applied<R> a -> a.result();
            case Replayed<R> r -> r.result();
            case Skipped<R> s -> null;
        };
    }
}
