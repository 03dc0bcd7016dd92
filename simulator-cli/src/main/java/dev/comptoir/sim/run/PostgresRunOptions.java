package dev.comptoir.sim.run;

import dev.comptoir.sim.bench.PostgresOptions;
import dev.comptoir.sim.bench.RedisOptions;
import dev.comptoir.sim.engine.PostgresSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of {@code run --backend postgres} (a picocli mixin): the database and Redis connections
 * (shared with the bench commands), the threads and the schema's fate.
 *
 * <pre>{@code
 * comptoir-sim run --backend postgres --bus redis --threads 8 --workers 4 --orders 20000
 * }</pre>
 */
public final class PostgresRunOptions {
    @Mixin
    PostgresOptions postgres;

    @Mixin
    RedisOptions redis;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "8",
            description = "postgres backend: threads that place orders (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "4",
            description = "postgres backend: worker threads of each saga runtime (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--keep-schema",
            description = "postgres backend: leave the run's schemas (sim_<random>*) in the database.")
    boolean keepSchema;

    @Option(names = "--lease-ms", paramLabel = "MS", defaultValue = "5000",
            description = "postgres backend: saga lease; a crashed runtime's sagas resume after it (default: ${DEFAULT-VALUE}).")
    long leaseMillis;

    /**
     * The settings of a run on {@code bus}; the pool gets at least one connection per thread
     * (starters, saga workers, store traffic, claims, checks).
     */
    PostgresSettings settings(String bus) {
        PostgresSettings.Bus b = "redis".equals(bus) ? PostgresSettings.Bus.REDIS : PostgresSettings.Bus.MEMORY;
        int pool = Math.max(postgres.poolSize(), Math.max(threads, 1) + Math.max(workers, 1) + 4);
        return new PostgresSettings(postgres.url(), postgres.user(), postgres.password(), pool, threads, workers, b,
                redis.url(), keepSchema, leaseMillis);
    }
}
