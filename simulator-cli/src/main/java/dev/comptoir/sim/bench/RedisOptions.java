package dev.comptoir.sim.bench;

import picocli.CommandLine.Option;

/** Redis connection option ({@code --redis-url}, default {@code $COMPTOIR_REDIS_URL} or the local server). */
public final class RedisOptions {
    @Option(names = "--redis-url", paramLabel = "URL",
            description = "Redis URL (default: $COMPTOIR_REDIS_URL or ${DEFAULT-VALUE}).",
            defaultValue = "${env:COMPTOIR_REDIS_URL:-redis://127.0.0.1:6379}")
    String url;

    public String url() {
        return url;
    }
}
