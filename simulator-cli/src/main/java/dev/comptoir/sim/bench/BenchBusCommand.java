package dev.comptoir.sim.bench;

import dev.comptoir.eventstore.bus.BusConsumer;
import dev.comptoir.eventstore.bus.MessageBuses;
import dev.comptoir.eventstore.spi.MessageBus;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench bus}: messages per second through eventstore-lib's bus (publish, then one
 * consumer of a group handling and acknowledging them all), beside a raw baseline measured in
 * the same run: on Redis a plain Lettuce XADD loop on one connection; in memory, a queue
 * offer/poll loop. Redis keys live under a random prefix deleted at the end.
 */
@Command(name = "bus", mixinStandardHelpOptions = true,
        description = "Message bus publish -> consume -> ack throughput vs a raw baseline (Lettuce XADD loop).")
public final class BenchBusCommand implements Callable<Integer> {

    /** Which bus to measure. */
    enum Backend { memory, redis }

    /** Goal of issue 5: publish -> consume -> ack at least half the raw XADD rate. */
    static final double TARGET_RATIO = 0.5;

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", description = "memory or redis (default: ${DEFAULT-VALUE}).", defaultValue = "memory")
    Backend backend;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--messages", description = "Messages per measurement (default: ${DEFAULT-VALUE}).", defaultValue = "20000")
    int messages;

    @Option(names = "--batch", description = "Messages per consumer read (default: ${DEFAULT-VALUE}).", defaultValue = "100")
    int batch;

    @Mixin
    RedisOptions redisOptions;

    private static final Map<String, String> FIELDS = Map.of(
            "event_id", "7f1c3a52-2f6e-4c1b-9a1e-3c2b1d0e9f88", "event_type", "ReclamationCreee",
            "aggregate_id", "claim-1", "data", "{\"claim_id\":\"claim-1\",\"customer_id\":\"42\"}",
            "timestamp", "2026-11-25T10:00:00", "correlation_id", "bench");

    @Override
    public Integer call() {
        if (messages <= 0 || batch <= 0) {
            throw new ParameterException(spec.commandLine(), "--messages and --batch must be > 0");
        }
        var report = new BenchReport("bench bus — " + backend + " (messages per second)")
                .header("mode", "messages/s", "vs baseline", "target");
        if (backend == Backend.memory) {
            double baseline = queueBaseline();
            try (MessageBus bus = MessageBuses.inMemory(Clock.systemUTC())) {
                measure(report, bus, "queue offer/poll loop", baseline);
            }
        } else {
            String prefix = "bench-bus:" + UUID.randomUUID().toString().substring(0, 8) + ":";
            RedisClient client = RedisClient.create(redisOptions.url());
            try (var raw = client.connect()) {
                try {
                    var redis = raw.sync();
                    for (int i = 0; i < Math.min(2_000, messages); i++) {
                        redis.xadd(prefix + "warm", FIELDS); // warm-up
                    }
                    long t0 = System.nanoTime();
                    for (int i = 0; i < messages; i++) {
                        redis.xadd(prefix + "raw", FIELDS);
                    }
                    double baseline = messages / secondsSince(t0);
                    try (MessageBus bus = MessageBuses.redis(client, prefix, Math.max(messages, 1_000) * 2L)) {
                        measure(report, bus, "raw Lettuce XADD loop (1 connection)", baseline);
                    }
                } finally {
                    var keys = raw.sync().keys(prefix + "*");
                    if (!keys.isEmpty()) {
                        raw.sync().del(keys.toArray(String[]::new));
                    }
                }
            } finally {
                client.shutdown();
            }
            report.note("keys under " + prefix + " deleted; consumer reads " + batch + " per XREADGROUP, one XACK per batch.");
        }
        report.print(spec.commandLine().getOut(), json);
        return 0;
    }

    private void measure(BenchReport report, MessageBus bus, String baselineName, double baseline) {
        var handled = new AtomicLong();
        var consumer = BusConsumer.builder(bus, "bench-group", "bench-consumer").streams("events:all")
                .batchSize(batch).handler(m -> handled.incrementAndGet()).build();
        long t0 = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            bus.publish("events:all", FIELDS);
        }
        double publishSecs = secondsSince(t0);
        long t1 = System.nanoTime();
        consumer.runUntilIdle();
        double consumeSecs = secondsSince(t1);
        if (handled.get() != messages || bus.pendingCount("bench-group", "events:all") != 0) {
            throw new IllegalStateException("bench bus: handled " + handled.get() + " of " + messages
                    + ", pending " + bus.pendingCount("bench-group", "events:all"));
        }
        double endToEnd = messages / (publishSecs + consumeSecs);
        double ratio = endToEnd / baseline;
        var eps = new LinkedHashMap<String, Object>();
        eps.put("publishConsumeAck", r2(endToEnd));
        eps.put("publish", r2(messages / publishSecs));
        eps.put("consumeAck", r2(messages / consumeSecs));
        report.field("backend", backend.name());
        report.field("messages", messages);
        report.field("eventsPerSecond", eps);
        var base = new LinkedHashMap<String, Object>();
        base.put("name", baselineName);
        base.put("eventsPerSecond", r2(baseline));
        report.field("baseline", base);
        report.field("ratioToBaseline", ratio);
        if (backend == Backend.redis) {
            report.field("targetRatio", TARGET_RATIO);
            report.field("meetsTarget", ratio >= TARGET_RATIO);
        }
        report.row("baseline: " + baselineName, BenchReport.perSecond(baseline), "100.0 %", "");
        report.row("publish -> consume -> ack", BenchReport.perSecond(endToEnd), BenchReport.percent(ratio),
                backend == Backend.redis ? ">= 50.0 %" : "");
        report.row("  publish only", BenchReport.perSecond(messages / publishSecs), "", "");
        report.row("  consume + ack only", BenchReport.perSecond(messages / consumeSecs), "", "");
    }

    private double queueBaseline() {
        var queue = new ArrayDeque<Map<String, String>>();
        long t0 = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < messages; i++) {
            synchronized (queue) {
                queue.offer(Map.copyOf(FIELDS));
            }
        }
        for (int i = 0; i < messages; i++) {
            synchronized (queue) {
                sink += queue.poll().size();
            }
        }
        if (sink != (long) messages * FIELDS.size()) {
            throw new IllegalStateException("queue baseline lost messages");
        }
        return messages / secondsSince(t0);
    }

    private static double r2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double secondsSince(long t0) {
        return Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
    }
}
