package dev.comptoir.eventstore.internal;

import dev.comptoir.eventstore.EventStoreException;
import dev.comptoir.eventstore.bus.BusMessage;
import dev.comptoir.eventstore.spi.CheckpointStore;
import dev.comptoir.eventstore.spi.MessageBus;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Redis Streams bus over one Lettuce connection (thread-safe, pipelined by Lettuce). Stream
 * keys are {@code keyPrefix + stream}. Groups are created from id 0 with MKSTREAM on first
 * use and again when Redis answers NOGROUP (it restarted or lost its data).
 */
public final class RedisMessageBus implements MessageBus, CheckpointStore {

    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String prefix;
    private final long maxLength;
    private final Set<String> knownGroups = ConcurrentHashMap.newKeySet();

    /** Connects with {@code client}; streams are trimmed to about {@code maxLength} entries. */
    public RedisMessageBus(RedisClient client, String keyPrefix, long maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, was " + maxLength);
        }
        try {
            this.connection = client.connect();
        } catch (RedisException e) {
            throw EventStoreException.unavailable("connecting to Redis", e);
        }
        this.redis = connection.sync();
        this.prefix = keyPrefix == null ? "" : keyPrefix;
        this.maxLength = maxLength;
    }

    private String key(String stream) {
        return prefix + stream;
    }

    @Override
    public String publish(String stream, Map<String, String> fields) {
        return call("publishing to " + stream,
                () -> redis.xadd(key(stream), new XAddArgs().maxlen(maxLength).approximateTrimming(), fields));
    }

    private void ensureGroup(String stream, String group) {
        String k = stream + "\u0000" + group;
        if (knownGroups.contains(k)) {
            return;
        }
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(key(stream), "0"), group, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
        knownGroups.add(k);
    }

    private <T> T withGroups(String group, List<String> streams, String what, Supplier<T> action) {
        return call(what, () -> {
            streams.forEach(s -> ensureGroup(s, group));
            try {
                return action.get();
            } catch (RedisCommandExecutionException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
                    throw e;
                }
                knownGroups.clear(); // Redis lost its groups: recreate and try once more
                streams.forEach(s -> ensureGroup(s, group));
                return action.get();
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<BusMessage> readNew(String group, String consumer, List<String> streams, int count) {
        return withGroups(group, streams, "reading " + streams + " for " + group, () -> {
            XReadArgs.StreamOffset<String>[] offsets = streams.stream()
                    .map(s -> XReadArgs.StreamOffset.lastConsumed(key(s))).toArray(XReadArgs.StreamOffset[]::new);
            List<StreamMessage<String, String>> msgs = redis.xreadgroup(Consumer.from(group, consumer),
                    XReadArgs.Builder.count(count), offsets);
            var out = new ArrayList<BusMessage>(msgs.size());
            for (StreamMessage<String, String> m : msgs) {
                out.add(new BusMessage(m.getStream().substring(prefix.length()), m.getId(), m.getBody(), 1));
            }
            return out;
        });
    }

    @Override
    public List<BusMessage> claimIdle(String group, String consumer, String stream, Duration minIdle, int count) {
        return withGroups(group, List.of(stream), "claiming idle messages of " + stream, () -> {
            var claimed = redis.xautoclaim(key(stream),
                    XAutoClaimArgs.Builder.xautoclaim(Consumer.from(group, consumer), minIdle, "0-0").count(count));
            List<StreamMessage<String, String>> msgs = claimed.getMessages();
            if (msgs.isEmpty()) {
                return List.<BusMessage>of();
            }
            Map<String, Long> counts = new HashMap<>();
            redis.xpending(key(stream), Consumer.from(group, consumer),
                            Range.create(msgs.get(0).getId(), msgs.get(msgs.size() - 1).getId()), Limit.from(count * 4L))
                    .forEach(p -> counts.put(p.getId(), p.getRedeliveryCount()));
            var out = new ArrayList<BusMessage>(msgs.size());
            for (StreamMessage<String, String> m : msgs) {
                if (m.getBody() == null || m.getBody().isEmpty()) {
                    continue; // deleted entry
                }
                out.add(new BusMessage(stream, m.getId(), m.getBody(), Math.max(1, counts.getOrDefault(m.getId(), 2L))));
            }
            return out;
        });
    }

    @Override
    public void ack(String group, String stream, List<String> ids) {
        if (!ids.isEmpty()) {
            call("acknowledging on " + stream, () -> redis.xack(key(stream), group, ids.toArray(String[]::new)));
        }
    }

    @Override
    public long pendingCount(String group, String stream) {
        return withGroups(group, List.of(stream), "counting pending of " + stream,
                () -> redis.xpending(key(stream), group).getCount());
    }

    @Override
    public long length(String stream) {
        return call("measuring " + stream, () -> redis.xlen(key(stream)));
    }

    /** Checkpoints as plain keys {@code <prefix>checkpoint:<name>}: lost together with the streams. */
    @Override
    public long load(String name) {
        String v = call("loading checkpoint " + name, () -> redis.get(prefix + "checkpoint:" + name));
        return v == null ? 0 : Long.parseLong(v);
    }

    @Override
    public void save(String name, long position) {
        call("saving checkpoint " + name, () -> redis.set(prefix + "checkpoint:" + name, Long.toString(position)));
    }

    /** Deletes every key under this bus's prefix (tests and benchmarks; never FLUSHDB). */
    public void deleteAllKeys() {
        if (prefix.isEmpty()) {
            throw EventStoreException.invalid("refusing to delete all keys of a bus without a key prefix");
        }
        call("deleting keys " + prefix + "*", () -> {
            var keys = redis.keys(prefix + "*");
            if (!keys.isEmpty()) {
                redis.del(keys.toArray(String[]::new));
            }
            return null;
        });
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RedisException e) {
            throw EventStoreException.unavailable(what, e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
