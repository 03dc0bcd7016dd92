package dev.comptoir.eventstore.internal;

import dev.comptoir.eventstore.bus.BusMessage;
import dev.comptoir.eventstore.spi.DeliveryPolicy;
import dev.comptoir.eventstore.spi.MessageBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * In-memory message bus with the Redis Streams semantics (groups from id 0, pending lists,
 * idle-time claiming, bounded length) and a {@link DeliveryPolicy} for fault injection. Idle
 * times are measured with the injected clock, so a simulator controls redelivery.
 */
public final class InMemoryMessageBus implements MessageBus {

    private final Clock clock;
    private final DeliveryPolicy policy;
    private final long maxLength;
    private final Map<String, StreamLog> streams = new HashMap<>();

    /** A bus; streams keep at most {@code maxLength} messages. */
    public InMemoryMessageBus(Clock clock, DeliveryPolicy policy, long maxLength) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, was " + maxLength);
        }
        this.maxLength = maxLength;
    }

    private static final class Entry {
        final long seq;
        final String id;
        final Map<String, String> fields;

        Entry(long seq, Map<String, String> fields) {
            this.seq = seq;
            this.id = seq + "-0";
            this.fields = Map.copyOf(fields);
        }
    }

    private static final class Pending {
        String consumer;
        long deliveries;
        Instant deliveredAt;
    }

    private static final class Group {
        long lastDelivered;
        final LinkedHashMap<Long, Pending> pending = new LinkedHashMap<>();
    }

    private static final class StreamLog {
        long nextSeq = 1;
        /** Entries in sequence order; entries.get(i).seq == firstSeq() + i. */
        final ArrayList<Entry> entries = new ArrayList<>();
        final Map<String, Group> groups = new HashMap<>();

        long firstSeq() {
            return entries.isEmpty() ? nextSeq : entries.get(0).seq;
        }

        Entry bySeq(long seq) {
            long i = seq - firstSeq();
            return i < 0 || i >= entries.size() ? null : entries.get((int) i);
        }
    }

    @Override
    public synchronized String publish(String stream, Map<String, String> fields) {
        StreamLog log = streams.computeIfAbsent(stream, k -> new StreamLog());
        Entry e = new Entry(log.nextSeq++, fields);
        log.entries.add(e);
        if (log.entries.size() > maxLength + Math.max(1, maxLength / 10)) {
            // like MAXLEN ~: trim in chunks, keeping at least maxLength entries
            log.entries.subList(0, (int) (log.entries.size() - maxLength)).clear();
        }
        return e.id;
    }

    @Override
    public synchronized List<BusMessage> readNew(String group, String consumer, List<String> names, int count) {
        var batch = new ArrayList<BusMessage>();
        Instant now = clock.instant();
        for (String stream : names) {
            StreamLog log = streams.computeIfAbsent(stream, k -> new StreamLog());
            Group g = log.groups.computeIfAbsent(group, k -> new Group());
            long start = Math.max(0, g.lastDelivered + 1 - log.firstSeq());
            for (long i = start; i < log.entries.size() && batch.size() < count; i++) {
                Entry e = log.entries.get((int) i);
                g.lastDelivered = e.seq;
                Pending p = new Pending();
                p.consumer = consumer;
                p.deliveries = 1;
                p.deliveredAt = now;
                g.pending.put(e.seq, p);
                batch.add(new BusMessage(stream, e.id, e.fields, 1));
            }
        }
        return List.copyOf(policy.arrange(group, consumer, batch));
    }

    @Override
    public synchronized List<BusMessage> claimIdle(String group, String consumer, String stream, Duration minIdle, int count) {
        StreamLog log = streams.computeIfAbsent(stream, k -> new StreamLog());
        Group g = log.groups.computeIfAbsent(group, k -> new Group());
        Instant now = clock.instant();
        var out = new ArrayList<BusMessage>();
        Iterator<Map.Entry<Long, Pending>> it = g.pending.entrySet().iterator();
        while (it.hasNext() && out.size() < count) {
            var pe = it.next();
            Pending p = pe.getValue();
            if (now.isBefore(p.deliveredAt.plus(minIdle))) {
                continue;
            }
            Entry e = log.bySeq(pe.getKey());
            if (e == null) {
                it.remove(); // trimmed away: like XAUTOCLAIM, drop it from the pending list
                continue;
            }
            p.consumer = consumer;
            p.deliveries++;
            p.deliveredAt = now;
            out.add(new BusMessage(stream, e.id, e.fields, p.deliveries));
        }
        return List.copyOf(policy.arrange(group, consumer, out));
    }

    @Override
    public synchronized void ack(String group, String stream, List<String> ids) {
        StreamLog log = streams.get(stream);
        if (log == null) {
            return;
        }
        Group g = log.groups.get(group);
        if (g == null) {
            return;
        }
        for (String id : ids) {
            g.pending.remove(Long.parseLong(id.substring(0, id.indexOf('-'))));
        }
    }

    @Override
    public synchronized long pendingCount(String group, String stream) {
        StreamLog log = streams.get(stream);
        Group g = log == null ? null : log.groups.get(group);
        return g == null ? 0 : g.pending.size();
    }

    @Override
    public synchronized long length(String stream) {
        StreamLog log = streams.get(stream);
        return log == null ? 0 : log.entries.size();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
