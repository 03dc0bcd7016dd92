package dev.comptoir.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comptoir.saga.internal.InMemoryLedger;
import dev.comptoir.saga.internal.PostgresLedger;
import dev.comptoir.saga.internal.PostgresSagaStorage;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Participant-side exactly-once helper: at-least-once invocation plus this ledger equals
 * exactly-once effects.
 *
 * <pre>{@code
 * ParticipantLedger ledger = ParticipantLedger.inMemory();      // or postgres(dataSource, schema)
 *
 * StepOutcome<Order> reserve(StepContext<Order> ctx) {
 *     String reservation = ledger.execute(ctx.idempotencyKey(), String.class,
 *             () -> stock.reserve(ctx.sagaId(), ctx.data().items())).resultOrNull();
 *     return StepOutcome.success(ctx.data().withReservation(reservation));
 * }
 * StepOutcome<Order> release(StepContext<Order> ctx) {
 *     ledger.execute(ctx.idempotencyKey(), Boolean.class, () -> stock.release(ctx.sagaId()));
 *     return StepOutcome.success();
 * }
 * }</pre>
 *
 * <p>Rules, per {@link IdempotencyKey} (saga id + step + direction): the first delivery runs the
 * effect and records its result; later deliveries return that result without running it. A
 * compensation whose action never ran records a tombstone instead, so an action that arrives
 * late (after its timeout fired and the saga compensated) becomes a no-op. Deliveries for the
 * same saga step are serialised; the effect runs while that lock is held. On PostgreSQL the
 * ledger row is committed right after the effect returns: an effect that writes elsewhere should
 * itself be idempotent on the key for the (rare) crash between the two. If the effect throws,
 * nothing is recorded. Thread-safe.
 */
public interface ParticipantLedger {

    /** An in-memory ledger (tests, simulator). */
    static ParticipantLedger inMemory() {
        return new InMemoryLedger();
    }

    /** A ledger in table {@code saga_participant_ledger} of {@code schema} (migrated if needed). */
    static ParticipantLedger postgres(DataSource dataSource, String schema) {
        return postgres(dataSource, schema, PostgresSagaStorage.defaultMapper());
    }

    /** Same, with the caller's Jackson mapper for results. */
    static ParticipantLedger postgres(DataSource dataSource, String schema, ObjectMapper mapper) {
        PostgresSagaStorage.migrate(dataSource, schema, mapper);
        return new PostgresLedger(dataSource, schema, mapper);
    }

    /**
     * Runs {@code effect} at most once for {@code key} (see the class comment).
     *
     * @param resultType type of the recorded result (for the PostgreSQL ledger's JSON)
     */
    <R> LedgerOutcome<R> execute(IdempotencyKey key, Class<R> resultType, Supplier<R> effect);
}
