package dev.comptoir.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of a {@link ParticipantLedger}: duplicate deliveries return the first result without
 * re-running the effect; a compensation arriving before its action leaves a tombstone that makes
 * the late action a no-op. Subclass with {@code protected ParticipantLedger create()}.
 */
public abstract class ParticipantLedgerContractTest {
    /** A result type with several fields (JSON ledgers must round-trip it). */
    public record Receipt(String id, long cents) {
    }

    private final SplittableRandom random = new SplittableRandom();
    private ParticipantLedger ledger;
    private SagaId saga;

    protected abstract ParticipantLedger create();

    @BeforeEach
    void createLedger() {
        ledger = create();
        saga = SagaId.random(random);
    }

    private IdempotencyKey action(String step) {
        return new IdempotencyKey(saga, step, Direction.ACTION);
    }

    @Test
    void execute_firstDelivery_runsEffectAndReturnsApplied() {
        AtomicInteger runs = new AtomicInteger();

        LedgerOutcome<Receipt> out = ledger.execute(action("pay"), Receipt.class, () -> {
            runs.incrementAndGet();
            return new Receipt("r-1", 11208);
        });

        assertThat(out).isEqualTo(new LedgerOutcome.Applied<>(new Receipt("r-1", 11208)));
        assertThat(runs).hasValue(1);
    }

    @Test
    void execute_duplicateDelivery_returnsFirstResultWithoutRunningAgain() {
        AtomicInteger runs = new AtomicInteger();
        ledger.execute(action("pay"), Receipt.class, () -> new Receipt("r-" + runs.incrementAndGet(), 1));

        LedgerOutcome<Receipt> again = ledger.execute(action("pay"), Receipt.class,
                () -> new Receipt("r-" + runs.incrementAndGet(), 1));

        assertThat(again).isEqualTo(new LedgerOutcome.Replayed<>(new Receipt("r-1", 1)));
        assertThat(runs).hasValue(1);
    }

    @Test
    void execute_nullResult_isReplayedAsNull() {
        ledger.execute(action("noop"), String.class, () -> null);

        assertThat(ledger.execute(action("noop"), String.class, () -> "x"))
                .isEqualTo(new LedgerOutcome.Replayed<String>(null));
    }

    @Test
    void execute_compensationBeforeAction_recordsTombstoneAndLateActionIsNoOp() {
        AtomicInteger effects = new AtomicInteger();

        LedgerOutcome<String> comp = ledger.execute(action("reserve").opposite(), String.class,
                () -> "undo-" + effects.incrementAndGet());
        LedgerOutcome<String> late = ledger.execute(action("reserve"), String.class,
                () -> "do-" + effects.incrementAndGet());

        assertThat(comp).isInstanceOf(LedgerOutcome.Skipped.class);
        assertThat(late).isInstanceOf(LedgerOutcome.Skipped.class);
        assertThat(effects).hasValue(0);
    }

    @Test
    void execute_compensationAfterAction_runsOnceAndDuplicatesReplay() {
        ledger.execute(action("reserve"), String.class, () -> "reserved");
        AtomicInteger undos = new AtomicInteger();

        LedgerOutcome<String> first = ledger.execute(action("reserve").opposite(), String.class,
                () -> "released-" + undos.incrementAndGet());
        LedgerOutcome<String> dup = ledger.execute(action("reserve").opposite(), String.class,
                () -> "released-" + undos.incrementAndGet());

        assertThat(first).isEqualTo(new LedgerOutcome.Applied<>("released-1"));
        assertThat(dup).isEqualTo(new LedgerOutcome.Replayed<>("released-1"));
        assertThat(undos).hasValue(1);
    }

    @Test
    void execute_effectThrows_recordsNothingSoARetryRuns() {
        assertThatThrownBy(() -> ledger.execute(action("flaky"), String.class, () -> {
            throw new IllegalStateException("down");
        })).hasMessageContaining("down");

        assertThat(ledger.execute(action("flaky"), String.class, () -> "ok"))
                .isEqualTo(new LedgerOutcome.Applied<>("ok"));
    }

    @Test
    void execute_keysAreIndependentPerSagaAndStep() {
        ledger.execute(action("a"), String.class, () -> "a");

        assertThat(ledger.execute(action("b"), String.class, () -> "b")).isInstanceOf(LedgerOutcome.Applied.class);
        assertThat(ledger.execute(new IdempotencyKey(SagaId.random(random), "a", Direction.ACTION), String.class,
                () -> "other saga")).isInstanceOf(LedgerOutcome.Applied.class);
    }

    @Test
    void execute_concurrentDuplicates_runEffectExactlyOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<LedgerOutcome<String>>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<LedgerOutcome<String>> c = () -> {
                    go.await();
                    return ledger.execute(action("pay"), String.class, () -> "run-" + runs.incrementAndGet());
                };
                all.add(pool.submit(c));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<LedgerOutcome<String>> f : all) {
                results.add(f.get().resultOrNull());
            }
            assertThat(runs).hasValue(1);
            assertThat(results).containsOnly("run-1");
        } finally {
            pool.shutdownNow();
        }
    }
}
