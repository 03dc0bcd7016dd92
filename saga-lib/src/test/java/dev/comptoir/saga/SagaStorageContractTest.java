package dev.comptoir.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.saga.spi.SagaRecord;
import dev.comptoir.saga.spi.SagaStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link SagaStorage} must satisfy. Subclass it with a few lines:
 *
 * <pre>{@code
 * class MyStorageTest extends SagaStorageContractTest {
 *     protected SagaStorage create() { return new MyStorage(); }
 * }
 * }</pre>
 *
 * <p>Instants in these tests have millisecond precision.
 */
public abstract class SagaStorageContractTest {
    /** Saga data used by the contract (a record, so JSON stores can round-trip it). */
    public record Payload(String name, int count) {
    }

    protected static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final SplittableRandom random = new SplittableRandom(7);
    protected SagaStorage storage;

    /** A fresh, empty storage. */
    protected abstract SagaStorage create();

    @BeforeEach
    void createStorage() {
        storage = create();
    }

    protected SagaRecord newRecord(String key, Instant dueAt, String owner, Instant leaseUntil) {
        return new SagaRecord(SagaId.random(random), "tck", 1, key, SagaState.RUNNING, 0, 1, false,
                new Payload(key, 1), List.of(), null, T0, T0, dueAt, owner, leaseUntil, 0);
    }

    private static SagaRecord next(SagaRecord r, SagaState state, Instant dueAt, String owner, Instant until,
                                   List<StepTrace> timeline, Object data) {
        return new SagaRecord(r.id(), r.definitionName(), r.definitionVersion(), r.idempotencyKey(), state,
                r.stepIndex() + 1, 1, false, data, timeline, state == SagaState.COMPENSATING ? "boom" : r.failure(),
                r.createdAt(), r.updatedAt().plusSeconds(1), dueAt, owner, until, r.version() + 1);
    }

    @Test
    void insert_newKey_isFoundWithAllFields() {
        SagaRecord r = newRecord("a", T0, "me", T0.plusSeconds(30));

        SagaRecord stored = storage.insert(r);

        assertThat(stored.id()).isEqualTo(r.id());
        assertThat(storage.find(r.id())).contains(r);
    }

    @Test
    void insert_sameDefinitionAndKey_returnsExistingSagaWithoutInserting() {
        SagaRecord first = storage.insert(newRecord("same", T0, null, null));

        SagaRecord again = storage.insert(newRecord("same", T0, null, null));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(storage.countByState()).containsEntry(SagaState.RUNNING, 1L);
    }

    @Test
    void find_unknownId_isEmpty() {
        assertThat(storage.find(SagaId.random(random))).isEmpty();
    }

    @Test
    void update_expectedVersion_replacesRecordIncludingTimelineAndData() {
        SagaRecord r = storage.insert(newRecord("u", T0, "me", T0.plusSeconds(30)));
        List<StepTrace> tl = List.of(new StepTrace("s1", Direction.ACTION, StepState.SUCCEEDED, 2, T0,
                T0.plusMillis(5), "first try failed"));
        SagaRecord n = next(r, SagaState.RUNNING, T0.plusSeconds(1), null, null, tl, new Payload("u", 2));

        assertThat(storage.update(n, 0)).isTrue();

        assertThat(storage.find(r.id())).contains(n);
    }

    @Test
    void update_staleVersion_returnsFalseAndWritesNothing() {
        SagaRecord r = storage.insert(newRecord("stale", T0, null, null));
        SagaRecord n1 = next(r, SagaState.RUNNING, T0, null, null, List.of(), r.data());
        assertThat(storage.update(n1, 0)).isTrue();

        SagaRecord n2 = next(r, SagaState.COMPLETED, null, null, null, List.of(), r.data());
        assertThat(storage.update(n2, 0)).isFalse();

        assertThat(storage.find(r.id())).contains(n1);
    }

    @Test
    void claimDue_dueAndUnleased_leasesAndBumpsVersion() {
        SagaRecord r = storage.insert(newRecord("due", T0, null, null));

        List<SagaRecord> claimed = storage.claimDue("node-1", T0.plusSeconds(1), T0.plusSeconds(31), 10);

        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(r.id());
            assertThat(c.leaseOwner()).isEqualTo("node-1");
            assertThat(c.leaseUntil()).isEqualTo(T0.plusSeconds(31));
            assertThat(c.version()).isEqualTo(1);
        });
        assertThat(storage.find(r.id()).orElseThrow().leaseOwner()).isEqualTo("node-1");
    }

    @Test
    void claimDue_notYetDue_claimsNothing() {
        storage.insert(newRecord("later", T0.plusSeconds(10), null, null));

        assertThat(storage.claimDue("n", T0.plusSeconds(9), T0.plusSeconds(40), 10)).isEmpty();
        assertThat(storage.claimDue("n", T0.plusSeconds(10), T0.plusSeconds(40), 10)).hasSize(1);
    }

    @Test
    void claimDue_leasedByOther_waitsForLeaseExpiry() {
        storage.insert(newRecord("leased", T0, "dead-node", T0.plusSeconds(30)));

        assertThat(storage.claimDue("n", T0.plusSeconds(29), T0.plusSeconds(60), 10)).isEmpty();
        assertThat(storage.claimDue("n", T0.plusSeconds(30), T0.plusSeconds(60), 10))
                .singleElement().extracting(SagaRecord::leaseOwner).isEqualTo("n");
    }

    @Test
    void claimDue_alreadyClaimed_isNotClaimedAgainUntilLeaseExpires() {
        storage.insert(newRecord("once", T0, null, null));
        assertThat(storage.claimDue("a", T0, T0.plusSeconds(30), 10)).hasSize(1);

        assertThat(storage.claimDue("b", T0.plusSeconds(1), T0.plusSeconds(31), 10)).isEmpty();
    }

    @Test
    void claimDue_terminalOrStuckOrUnscheduled_neverClaimed() {
        SagaRecord a = storage.insert(newRecord("t1", T0, null, null));
        SagaRecord b = storage.insert(newRecord("t2", T0, null, null));
        storage.update(next(a, SagaState.COMPLETED, null, null, null, List.of(), a.data()), 0);
        storage.update(next(b, SagaState.STUCK, null, null, null, List.of(), b.data()), 0);

        assertThat(storage.claimDue("n", T0.plusSeconds(100), T0.plusSeconds(130), 10)).isEmpty();
    }

    @Test
    void claimDue_limit_returnsEarliestDueFirst() {
        SagaRecord late = storage.insert(newRecord("late", T0.plusSeconds(3), null, null));
        SagaRecord early = storage.insert(newRecord("early", T0.plusSeconds(1), null, null));
        storage.insert(newRecord("mid", T0.plusSeconds(2), null, null));

        List<SagaRecord> claimed = storage.claimDue("n", T0.plusSeconds(5), T0.plusSeconds(35), 2);

        assertThat(claimed).extracting(SagaRecord::idempotencyKey).containsExactly("early", "mid");
        assertThat(claimed).extracting(SagaRecord::id).doesNotContain(late.id()).contains(early.id());
    }

    @Test
    void claimDue_afterUpdateMovesTimerEarlier_findsTheNewTime() {
        SagaRecord r = storage.insert(newRecord("moved", T0.plusSeconds(100), null, null));
        storage.update(next(r, SagaState.COMPENSATING, T0.plusSeconds(5), null, null, List.of(), r.data()), 0);

        assertThat(storage.claimDue("n", T0.plusSeconds(5), T0.plusSeconds(35), 10)).hasSize(1);
    }

    @Test
    void claimDue_concurrentClaimers_neverShareASaga() throws Exception {
        for (int i = 0; i < 60; i++) {
            storage.insert(newRecord("c" + i, T0, null, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<SagaRecord>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String owner = "n" + t;
                futures.add(pool.submit(() -> {
                    go.await();
                    List<SagaRecord> mine = new ArrayList<>();
                    List<SagaRecord> batch;
                    while (!(batch = storage.claimDue(owner, T0, T0.plusSeconds(30), 5)).isEmpty()) {
                        mine.addAll(batch);
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<SagaId> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<SagaRecord>> f : futures) {
                f.get().forEach(r -> all.add(r.id()));
            }
            Set<SagaId> distinct = new HashSet<>(all);
            assertThat(all).hasSize(60);
            assertThat(distinct).hasSize(60);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countByState_andFindByState_reflectTransitions() {
        SagaRecord a = storage.insert(newRecord("x1", T0, null, null));
        storage.insert(newRecord("x2", T0.plusMillis(1), null, null));
        storage.update(next(a, SagaState.STUCK, null, null, null, List.of(), a.data()), 0);

        assertThat(storage.countByState()).containsEntry(SagaState.RUNNING, 1L).containsEntry(SagaState.STUCK, 1L);
        assertThat(storage.findByState(SagaState.STUCK, 10)).extracting(SagaRecord::id).containsExactly(a.id());
        assertThat(storage.findByState(SagaState.RUNNING, 10)).extracting(SagaRecord::idempotencyKey)
                .containsExactly("x2");
    }

    @Test
    void findByState_limit_returnsOldestFirst() {
        for (int i = 0; i < 5; i++) {
            SagaRecord r = newRecord("o" + i, T0, null, null);
            storage.insert(new SagaRecord(r.id(), r.definitionName(), 1, r.idempotencyKey(), r.state(), 0, 1, false,
                    r.data(), List.of(), null, T0.plus(Duration.ofSeconds(10 - i)), T0, T0, null, null, 0));
        }

        assertThat(storage.findByState(SagaState.RUNNING, 2)).extracting(SagaRecord::idempotencyKey)
                .containsExactly("o4", "o3");
    }
}
