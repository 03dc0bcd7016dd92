package dev.comptoir.saga.spi;

import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.SagaState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where sagas live. Implement it to add a store; check it with the {@code SagaStorageContractTest}
 * of saga-lib's test-jar. Implementations must be thread-safe and must make each
 * {@link #update} atomic (the record and its journal entry, if any, in one transaction).
 *
 * <pre>{@code
 * SagaRuntime runtime = Sagas.runtime().store(SagaStore.of(new MyStorage())).build();
 * }</pre>
 */
public interface SagaStorage {

    /**
     * Inserts a new saga unless one with the same definition name and idempotency key exists.
     *
     * @return the stored record: {@code record} itself, or the existing saga for that key
     */
    SagaRecord insert(SagaRecord record);

    /** The saga with that id. */
    Optional<SagaRecord> find(SagaId id);

    /**
     * Leases up to {@code limit} sagas that are active, due ({@code dueAt <= now}) and not leased
     * by anybody at {@code now}, to {@code owner} until {@code leaseUntil}, bumping their version;
     * earliest due first. Concurrent callers never get the same saga.
     */
    List<SagaRecord> claimDue(String owner, Instant now, Instant leaseUntil, int limit);

    /**
     * Replaces the saga with {@code next} if its stored version is still {@code expectedVersion}
     * ({@code next.version()} is {@code expectedVersion + 1}).
     *
     * @return false when the version moved on (another writer won); nothing is written then
     */
    boolean update(SagaRecord next, long expectedVersion);

    /** Number of sagas per state (states with no saga may be absent). */
    Map<SagaState, Long> countByState();

    /** Up to {@code limit} sagas in {@code state}, oldest first. */
    List<SagaRecord> findByState(SagaState state, int limit);
}
