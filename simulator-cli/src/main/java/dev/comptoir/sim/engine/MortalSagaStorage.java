package dev.comptoir.sim.engine;

import dev.comptoir.saga.SagaId;
import dev.comptoir.saga.SagaState;
import dev.comptoir.saga.spi.SagaRecord;
import dev.comptoir.saga.spi.SagaStorage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The saga storage as seen by one saga runtime of the PostgreSQL run, which can die: once
 * {@link #kill()} is called, every call throws {@link SimulatedCrash}, so each of that runtime's
 * worker threads dies at its next store access (or step boundary) without writing anything more,
 * as the threads of a crashed process would. The runtime is never closed: its leases stay until
 * they expire, then another runtime on the same store resumes its sagas. Thread-safe.
 */
final class MortalSagaStorage implements SagaStorage {
    private final SagaStorage real;
    private final String name;
    private volatile boolean dead;

    MortalSagaStorage(SagaStorage real, String name) {
        this.real = real;
        this.name = name;
    }

    /** From now on every call throws. */
    void kill() {
        dead = true;
    }

    boolean dead() {
        return dead;
    }

    @Override
    public String toString() {
        return name + (dead ? " (dead)" : "");
    }

    private void alive() {
        if (dead) {
            throw new SimulatedCrash("(" + name + " is dead)");
        }
    }

    @Override
    public SagaRecord insert(SagaRecord record) {
        alive();
        return real.insert(record);
    }

    @Override
    public Optional<SagaRecord> find(SagaId id) {
        alive();
        return real.find(id);
    }

    @Override
    public List<SagaRecord> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
        alive();
        return real.claimDue(owner, now, leaseUntil, limit);
    }

    @Override
    public boolean update(SagaRecord next, long expectedVersion) {
        alive();
        return real.update(next, expectedVersion);
    }

    @Override
    public Map<SagaState, Long> countByState() {
        alive();
        return real.countByState();
    }

    @Override
    public List<SagaRecord> findByState(SagaState state, int limit) {
        alive();
        return real.findByState(state, limit);
    }
}
