package dev.comptoir.saga.internal;

import dev.comptoir.saga.Direction;
import dev.comptoir.saga.IdempotencyKey;
import dev.comptoir.saga.LedgerOutcome;
import dev.comptoir.saga.ParticipantLedger;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Heap {@link ParticipantLedger}; deliveries for one saga step are serialised by a striped lock. */
public final class InMemoryLedger implements ParticipantLedger {
    private static final Object TOMBSTONE = new Object();
    private static final Object SKIPPED = new Object();
    private static final Object NULL_RESULT = new Object();

    private final ConcurrentHashMap<IdempotencyKey, Object> entries = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[64];

    public InMemoryLedger() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    @Override
    public <R> LedgerOutcome<R> execute(IdempotencyKey key, Class<R> resultType, Supplier<R> effect) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(effect, "effect");
        int stripe = (key.sagaId().hashCode() * 31 + key.step().hashCode()) & (locks.length - 1);
        synchronized (locks[stripe]) {
            Object seen = entries.get(key);
            if (seen == TOMBSTONE || seen == SKIPPED) {
                return new LedgerOutcome.Skipped<>();
            }
            if (seen != null) {
                return new LedgerOutcome.Replayed<>(seen == NULL_RESULT ? null : resultType.cast(seen));
            }
            if (key.direction() == Direction.COMPENSATION) {
                IdempotencyKey action = key.opposite();
                Object actionSeen = entries.get(action);
                if (actionSeen == null || actionSeen == TOMBSTONE) {
                    entries.put(action, TOMBSTONE);
                    entries.put(key, SKIPPED);
                    return new LedgerOutcome.Skipped<>();
                }
            }
            R result = effect.get();
            entries.put(key, result == null ? NULL_RESULT : result);
            return new LedgerOutcome.Applied<>(result);
        }
    }
}
