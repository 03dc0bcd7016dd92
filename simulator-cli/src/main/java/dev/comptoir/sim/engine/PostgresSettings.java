package dev.comptoir.sim.engine;

import java.util.Objects;

/**
 * Where and how a {@link PostgresSimulation} runs: the database, the threads, the bus.
 *
 * <pre>{@code
 * PostgresSettings s = new PostgresSettings("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", 16,
 *         8, 4, PostgresSettings.Bus.REDIS, "redis://127.0.0.1:6379", false, 5_000);
 * SimulationResult r = PostgresSimulation.of(config, s).run();
 * }</pre>
 *
 * @param url         JDBC URL of the PostgreSQL server
 * @param user        PostgreSQL user
 * @param password    PostgreSQL password (empty for trust authentication)
 * @param poolSize    connections in the run's pool, &ge; 2
 * @param threads     threads that start orders (carts + saga starts), &ge; 1
 * @param workers     worker threads of each saga runtime, &ge; 1
 * @param bus         the bus of the claims module and refund saga
 * @param redisUrl    Redis URL, used with {@link Bus#REDIS}
 * @param keepSchema  true to leave the run's schemas in the database (they are dropped otherwise)
 * @param leaseMillis saga lease length: how long a crashed runtime's sagas wait before another resumes them
 */
public record PostgresSettings(String url, String user, String password, int poolSize, int threads, int workers,
                               Bus bus, String redisUrl, boolean keepSchema, long leaseMillis) {

    /** The message bus of the run. */
    public enum Bus {
        /** eventstore-lib's in-memory bus (reliable), in the simulator's process. */
        MEMORY,
        /** Redis Streams under a random key prefix, deleted at the end. */
        REDIS
    }

    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        Objects.requireNonNull(bus, "bus");
        if (poolSize < 2) {
            throw SimulationException.badOption("--pool-size", "must be >= 2, was " + poolSize);
        }
        if (threads < 1) {
            throw SimulationException.badOption("--threads", "must be >= 1, was " + threads);
        }
        if (workers < 1) {
            throw SimulationException.badOption("--workers", "must be >= 1, was " + workers);
        }
        if (leaseMillis < 100) {
            throw SimulationException.badOption("--lease-ms", "must be >= 100, was " + leaseMillis);
        }
        if (bus == Bus.REDIS && (redisUrl == null || redisUrl.isBlank())) {
            throw SimulationException.badOption("--redis-url", "is required with --bus redis");
        }
    }
}
