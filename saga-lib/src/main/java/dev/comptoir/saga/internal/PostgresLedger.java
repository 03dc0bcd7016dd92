package dev.comptoir.saga.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comptoir.saga.Direction;
import dev.comptoir.saga.IdempotencyKey;
import dev.comptoir.saga.LedgerOutcome;
import dev.comptoir.saga.ParticipantLedger;
import dev.comptoir.saga.SagaException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link ParticipantLedger} in {@code saga_participant_ledger}. Each delivery is one transaction
 * holding a transaction-scoped advisory lock on the saga step, so an action and its compensation
 * never interleave, across processes too.
 */
public final class PostgresLedger implements ParticipantLedger {
    private final Jdbi jdbi;
    private final String table;

    private final ObjectMapper mapper;

    public PostgresLedger(DataSource dataSource, String schema, ObjectMapper mapper) {
        this.jdbi = ConcurrentJdbiCache.jdbi(Objects.requireNonNull(dataSource, "dataSource"));
        this.table = PostgresSagaStorage.requireSchema(schema) + ".saga_participant_ledger";
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public <R> LedgerOutcome<R> execute(IdempotencyKey key, Class<R> resultType, Supplier<R> effect) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(effect, "effect");
        try {
            return jdbi.inTransaction(h -> {
                h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                        .bind("lock", key.sagaId() + "/" + key.step()).mapTo(Integer.class).one();
                Map<String, Object> seen = row(h, key);
                if (seen != null) {
                    String outcome = (String) seen.get("outcome");
                    if (!"APPLIED".equals(outcome)) {
                        return new LedgerOutcome.Skipped<>();
                    }
                    Object json = seen.get("result");
                    return new LedgerOutcome.Replayed<>(json == null ? null : read(json.toString(), resultType));
                }
                if (key.direction() == Direction.COMPENSATION) {
                    Map<String, Object> action = row(h, key.opposite());
                    if (action == null || !"APPLIED".equals(action.get("outcome"))) {
                        if (action == null) {
                            insert(h, key.opposite(), "TOMBSTONE", null);
                        }
                        insert(h, key, "SKIPPED", null);
                        return new LedgerOutcome.Skipped<>();
                    }
                }
                R result = effect.get();
                insert(h, key, "APPLIED", result == null ? null : mapper.writeValueAsString(result));
                return new LedgerOutcome.Applied<>(result);
            });
        } catch (JdbiException e) {
            throw SagaException.storeUnavailable("participant ledger", e);
        } catch (JsonProcessingException e) {
            throw SagaException.serialization("ledger result for " + key, e);
        }
    }

    private Map<String, Object> row(Handle h, IdempotencyKey key) {
        return h.createQuery("SELECT outcome, result::text AS result FROM " + table + " WHERE idempotency_key = :k")
                .bind("k", key.asString()).mapToMap().findOne().orElse(null);
    }

    private void insert(Handle h, IdempotencyKey key, String outcome, String json) {
        h.createUpdate("INSERT INTO " + table + " (idempotency_key, outcome, result) VALUES (:k, :o, CAST(:r AS jsonb))")
                .bind("k", key.asString()).bind("o", outcome).bind("r", json).execute();
    }

    private <R> R read(String json, Class<R> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw SagaException.serialization("ledger result of type " + type.getName(), e);
        }
    }
}
