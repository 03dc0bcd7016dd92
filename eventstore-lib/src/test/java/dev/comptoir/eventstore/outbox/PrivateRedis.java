package dev.comptoir.eventstore.outbox;

import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.awaitility.Awaitility;

/** A throw-away redis-server child process on a free port, killed by the test. */
final class PrivateRedis implements AutoCloseable {
    private final int port;
    private Process process;

    PrivateRedis() throws IOException {
        try (var socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (empty: no persistence) and waits until it answers PING. */
    void start() throws IOException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--save", "",
                "--appendonly", "no", "--daemonize", "no", "--bind", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            var client = RedisClient.create(url());
            try (var c = client.connect()) {
                return "PONG".equals(c.sync().ping());
            } finally {
                client.shutdown();
            }
        });
    }

    /** Kills the server: everything it held is lost. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
