package dev.comptoir.saga;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts sagas and advances them; built by {@link Sagas#runtime()}.
 *
 * <pre>{@code
 * SagaRuntime runtime = Sagas.runtime().store(SagaStore.inMemory()).clock(clock).random(rng)
 *         .register(orderSaga).build();
 * SagaId id = runtime.start(orderSaga, new Order(...), "order-42");
 * runtime.runUntilIdle();                       // embedded / simulator: caller drives, no threads
 * runtime.status(id).orElseThrow().state();     // COMPLETED, COMPENSATED, STUCK, ...
 * }</pre>
 *
 * <p>Two ways to run it. <b>Driven</b>: the caller calls {@link #pollOnce()} /
 * {@link #runUntilIdle()}; nothing runs on any other thread and time only moves with the
 * injected {@link java.time.Clock}, so runs are reproducible. <b>Workers</b>:
 * {@link #startWorkers(int)} runs pollers on real threads (several runtimes may share one
 * PostgreSQL store; each saga is leased to one of them at a time). Thread-safe in both modes.
 */
public interface SagaRuntime extends AutoCloseable {

    /**
     * Persists a new saga and schedules its first step. Starting again with the same definition
     * name and {@code idempotencyKey} returns the existing saga's id and starts nothing.
     * Registers {@code definition} if it was not registered yet.
     */
    <S> SagaId start(SagaDefinition<S> definition, S data, String idempotencyKey);

    /**
     * Claims due work (sagas started or replied to here, then due sagas from the store: retry
     * backoffs, reply timeouts, sagas of dead instances) and advances each as far as it goes
     * without waiting.
     *
     * @return how many sagas were advanced (0 when nothing was due)
     */
    int pollOnce();

    /** Calls {@link #pollOnce()} until nothing is due at the clock's current time; returns the total. */
    int runUntilIdle();

    /**
     * Delivers the asynchronous reply of a step that answered {@link StepOutcome#pending()}.
     * The saga then continues on the next {@link #pollOnce()} (or on a worker).
     *
     * @return false when the reply is late or unexpected (the step already timed out, was
     *         compensated, or the saga is not waiting on {@code step}); it is then ignored
     */
    <S> boolean complete(SagaId sagaId, String step, StepOutcome<S> outcome);

    /** Status with the per-step timeline. */
    Optional<SagaStatus> status(SagaId sagaId);

    /** Number of sagas per state, every state present (0 when none). */
    Map<SagaState, Long> countsByState();

    /** Up to {@code limit} sagas in {@link SagaState#RUNNING} or {@link SagaState#COMPENSATING}, oldest first. */
    List<SagaStatus> listActive(int limit);

    /** Up to {@code limit} sagas in {@code state}, oldest first (e.g. {@link SagaState#STUCK} for an operator). */
    List<SagaStatus> list(SagaState state, int limit);

    /** Operator: resumes a {@link SagaState#STUCK} saga at the step that got stuck, with fresh attempts. */
    void retry(SagaId sagaId);

    /** Operator: marks a {@link SagaState#STUCK} saga {@link SagaState#RESOLVED} after fixing it by hand. */
    void resolve(SagaId sagaId, String note);

    /** Makes a definition (name + version) runnable here; needed for sagas resumed after a restart. */
    void register(SagaDefinition<?> definition);

    /** This instance's lease owner name. */
    String instanceId();

    /** Starts {@code threads} worker threads that poll continuously until {@link #close()}. */
    void startWorkers(int threads);

    /** Stops the workers and hands back the leases of sagas not yet advanced. Idempotent. */
    @Override
    void close();
}
