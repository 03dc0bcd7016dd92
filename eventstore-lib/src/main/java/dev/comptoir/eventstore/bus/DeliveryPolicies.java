package dev.comptoir.eventstore.bus;

import dev.comptoir.eventstore.spi.DeliveryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Ready-made {@link DeliveryPolicy}s for the in-memory bus.
 *
 * <pre>{@code
 * var bus = MessageBuses.inMemory(clock, DeliveryPolicies.faulty(new SplittableRandom(seed), 0.05, 0.05, 0.1));
 * }</pre>
 */
public final class DeliveryPolicies {

    private DeliveryPolicies() {
    }

    /** Delivers every batch as read. */
    public static DeliveryPolicy reliable() {
        return (group, consumer, batch) -> batch;
    }

    /**
     * Per message: with probability {@code duplicate} delivers it twice; with {@code withhold}
     * leaves it pending undelivered (as if the consumer died holding it; redelivered after the
     * claim idle time); per batch with probability {@code reorder} shuffles it. All draws come
     * from {@code random}, so a seed reproduces the same faults.
     */
    public static DeliveryPolicy faulty(RandomGenerator random, double duplicate, double withhold, double reorder) {
        Objects.requireNonNull(random, "random");
        check("duplicate", duplicate);
        check("withhold", withhold);
        check("reorder", reorder);
        return (group, consumer, batch) -> {
            var out = new ArrayList<BusMessage>(batch.size() + 2);
            for (BusMessage m : batch) {
                if (random.nextDouble() < withhold) {
                    continue;
                }
                out.add(m);
                if (random.nextDouble() < duplicate) {
                    out.add(m);
                }
            }
            if (out.size() > 1 && random.nextDouble() < reorder) {
                for (int i = out.size() - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    var t = out.get(i);
                    out.set(i, out.get(j));
                    out.set(j, t);
                }
            }
            return List.copyOf(out);
        };
    }

    private static void check(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], was " + p);
        }
    }
}
