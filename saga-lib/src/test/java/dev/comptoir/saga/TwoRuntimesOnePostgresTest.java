package dev.comptoir.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two runtime instances with their own pools share one PostgreSQL schema and race for work. */
class TwoRuntimesOnePostgresTest {
    private static final int SAGAS = 1_000;
    private static TestPostgres pg;

    record Job(int n) {
    }

    @BeforeAll
    static void database() {
        pg = TestPostgres.create("saga_two", 4);
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    @Test
    void twoWorkerRuntimes_thousandSagasStartedElsewhere_eachStepRunsOnceAndNoneIsLost() throws Exception {
        Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
        SagaDefinition.Builder<Job> b = SagaDefinition.builder("job", 1, Job.class);
        for (String step : List.of("s1", "s2", "s3", "s4")) {
            b.step(step).invoke(ctx -> {
                invocations.computeIfAbsent(ctx.sagaId() + "/" + step, k -> new AtomicInteger()).incrementAndGet();
                return StepOutcome.success();
            }).noCompensation();
        }
        SagaDefinition<Job> job = b.build();
        Map<String, AtomicInteger> finishedBy = new ConcurrentHashMap<>();

        try (HikariDataSource poolA = pg.newPool("a", 4); HikariDataSource poolB = pg.newPool("b", 4)) {
            SagaStore starterStore = SagaStore.postgres(pg.dataSource(), pg.schema());
            SagaRuntime a = runtime("node-a", SagaStore.postgres(poolA, pg.schema()), job, finishedBy);
            SagaRuntime b2 = runtime("node-b", SagaStore.postgres(poolB, pg.schema()), job, finishedBy);
            // sagas are started by a third instance that never advances them; its leases lapse at once
            SagaRuntime starter = Sagas.runtime().store(starterStore).random(new SplittableRandom(11))
                    .leaseDuration(Duration.ofNanos(1)).instanceId("starter").register(job).build();
            try {
                a.startWorkers(3);
                b2.startWorkers(3);
                ExecutorService starters = Executors.newFixedThreadPool(4);
                List<Future<?>> started = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int from = t * (SAGAS / 4);
                    started.add(starters.submit(() -> {
                        for (int i = from; i < from + SAGAS / 4; i++) {
                            starter.start(job, new Job(i), "job-" + i);
                        }
                    }));
                }
                for (Future<?> f : started) {
                    f.get();
                }
                starters.shutdown();

                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                        .until(() -> a.countsByState().get(SagaState.COMPLETED) == SAGAS);
            } finally {
                a.close();
                b2.close();
            }

            assertThat(a.countsByState()).containsEntry(SagaState.COMPLETED, (long) SAGAS)
                    .containsEntry(SagaState.RUNNING, 0L);
            assertThat(invocations).hasSize(SAGAS * 4);
            assertThat(invocations.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(finishedBy.get("node-a").get() + finishedBy.get("node-b").get()).isEqualTo(SAGAS);
            assertThat(finishedBy.get("node-a").get()).isPositive();
            assertThat(finishedBy.get("node-b").get()).isPositive();
        }
    }

    private static SagaRuntime runtime(String name, SagaStore store, SagaDefinition<Job> job,
                                       Map<String, AtomicInteger> finishedBy) {
        finishedBy.put(name, new AtomicInteger());
        return Sagas.runtime().store(store).clock(Clock.systemUTC()).random(new SplittableRandom(name.hashCode()))
                .instanceId(name).register(job).pollInterval(Duration.ofMillis(10)).batchSize(16)
                .listener(e -> {
                    if (e instanceof SagaEvent.Finished) {
                        finishedBy.get(name).incrementAndGet();
                    }
                })
                .build();
    }
}
