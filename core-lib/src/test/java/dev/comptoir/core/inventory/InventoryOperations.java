package dev.comptoir.core.inventory;

import dev.comptoir.saga.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random stock operations for property tests, with a reference model that predicts the state
 * after each one: the adapter must agree with the model and keep the invariants.
 */
public final class InventoryOperations {
    private static final int PRODUCTS = 3;
    private static final int LOCATIONS = 3;

    private InventoryOperations() {}

    /** One random operation. */
    public sealed interface Op {}

    record Receive(int p, int l, int q) implements Op {}

    record Adjust(int p, int l, int delta) implements Op {}

    record Sell(int p, int l, int q) implements Op {}

    record Transfer(int p, int from, int to, int q) implements Op {}

    record Reserve(int id, List<int[]> lines) implements Op {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("Reserve[" + id);
            lines.forEach(x -> b.append(" ").append(x[0]).append("@").append(x[1]).append("x").append(x[2]));
            return b.append("]").toString();
        }
    }

    record Confirm(int id) implements Op {}

    record Release(int id) implements Op {}

    record Expire(int minutes) implements Op {}

    private static Arbitrary<Integer> product() {
        return Arbitraries.integers().between(1, PRODUCTS);
    }

    private static Arbitrary<Integer> location() {
        return Arbitraries.integers().between(1, LOCATIONS);
    }

    /** A random operation over 3 products × 3 locations and 6 reservation ids. */
    public static Arbitrary<Op> ops() {
        Arbitrary<Integer> q = Arbitraries.integers().between(1, 8);
        Arbitrary<int[]> line = Combinators.combine(product(), location(), q).as((p, l, n) -> new int[] {p, l, n});
        return Arbitraries.oneOf(List.of(
                Combinators.combine(product(), location(), Arbitraries.integers().between(1, 15)).as(Receive::new),
                Combinators.combine(product(), location(), Arbitraries.integers().between(-6, 6).filter(x -> x != 0))
                        .as(Adjust::new),
                Combinators.combine(product(), location(), q).as(Sell::new),
                Combinators.combine(product(), location(), location(), q).filter((p, a, b, n) -> !a.equals(b))
                        .as(Transfer::new),
                Combinators.combine(Arbitraries.integers().between(1, 6), line.list().ofMinSize(1).ofMaxSize(3))
                        .as(Reserve::new),
                Arbitraries.integers().between(1, 6).map(Confirm::new),
                Arbitraries.integers().between(1, 6).map(Release::new),
                Arbitraries.integers().between(1, 12).map(Expire::new)));
    }

    private static ProductId pid(int p) {
        return ProductId.of(p);
    }

    private static LocationId lid(int l) {
        return LocationId.of(l);
    }

    /** Runs {@code ops} against {@code inventory} and the model, checking agreement and invariants after each. */
    public static void run(InventoryService inventory, VirtualClock clock, List<Op> ops) {
        Map<String, long[]> model = new HashMap<>();     // "p@l" -> {onHand, reserved}
        Map<Integer, Object[]> reservations = new HashMap<>(); // id -> {status, lines, expiresAt}
        int step = 0;
        for (Op op : ops) {
            step++;
            boolean expectOk = apply(model, reservations, clock, op);
            boolean ok;
            try {
                execute(inventory, clock, op, step);
                ok = true;
            } catch (ComptoirException e) {
                ok = false;
            }
            assertThat(ok).as("step %d %s succeeds", step, op).isEqualTo(expectOk);
            for (StockLevel level : inventory.allLevels()) {
                long[] m = model.getOrDefault(level.product().value() + "@" + level.location().value(), new long[2]);
                assertThat(new long[] {level.onHand(), level.reserved()}).as("step %d %s at %s", step, op, level.key())
                        .containsExactly(m);
                assertThat(level.onHand()).isGreaterThanOrEqualTo(0);
                assertThat(level.reserved()).isBetween(0L, level.onHand());
            }
            assertThat(inventory.verifyJournal()).as("journal after step %d %s", step, op).isEmpty();
        }
    }

    private static void execute(InventoryService inv, VirtualClock clock, Op op, int step) {
        switch (op) {
            case Receive r -> inv.receive(pid(r.p()), lid(r.l()), r.q(), "r" + step);
            case Adjust a -> inv.adjust(pid(a.p()), lid(a.l()), a.delta(), "a" + step);
            case Sell s -> inv.apply(List.of(StockDelta.of(pid(s.p()), lid(s.l()), MovementKind.SALE, -s.q())), "s" + step);
            case Transfer t -> inv.transfer(pid(t.p()), lid(t.from()), lid(t.to()), t.q(), "t" + step);
            case Reserve r -> inv.reserve(ReservationId.of("res-" + r.id()), "owner",
                    r.lines().stream().map(x -> ReservationLine.of(pid(x[0]), lid(x[1]), x[2])).toList());
            case Confirm c -> inv.confirm(ReservationId.of("res-" + c.id()));
            case Release r -> inv.release(ReservationId.of("res-" + r.id()));
            case Expire e -> {
                clock.advance(Duration.ofMinutes(e.minutes()));
                inv.expireDue();
            }
        }
    }

    /** Applies {@code op} to the model; returns whether the adapter must accept it. */
    @SuppressWarnings("unchecked")
    private static boolean apply(Map<String, long[]> m, Map<Integer, Object[]> res, VirtualClock clock, Op op) {
        switch (op) {
            case Receive r -> {
                row(m, r.p(), r.l())[0] += r.q();
                return true;
            }
            case Adjust a -> {
                return change(m, a.p(), a.l(), a.delta());
            }
            case Sell s -> {
                return change(m, s.p(), s.l(), -s.q());
            }
            case Transfer t -> {
                if (!change(m, t.p(), t.from(), -t.q())) {
                    return false;
                }
                row(m, t.p(), t.to())[0] += t.q();
                return true;
            }
            case Reserve r -> {
                Object[] existing = res.get(r.id());
                if (existing != null) {
                    return sameLines((List<int[]>) existing[1], r.lines());
                }
                Map<String, Long> need = new HashMap<>();
                for (int[] x : r.lines()) {
                    need.merge(x[0] + "@" + x[1], (long) x[2], Long::sum);
                }
                for (Map.Entry<String, Long> e : need.entrySet()) {
                    long[] row = m.getOrDefault(e.getKey(), new long[2]);
                    if (row[0] - row[1] < e.getValue()) {
                        return false;
                    }
                }
                need.forEach((k, v) -> m.get(k)[1] += v);
                res.put(r.id(), new Object[] {ReservationStatus.ACTIVE, r.lines(), clock.instant().plus(InventoryService.DEFAULT_TTL)});
                return true;
            }
            case Confirm c -> {
                Object[] x = res.get(c.id());
                if (x == null) {
                    return false;
                }
                return switch ((ReservationStatus) x[0]) {
                    case ACTIVE -> {
                        close(m, x, true);
                        x[0] = ReservationStatus.CONFIRMED;
                        yield true;
                    }
                    case CONFIRMED -> true;
                    case RELEASED, EXPIRED -> false;
                };
            }
            case Release r -> {
                Object[] x = res.get(r.id());
                if (x == null) {
                    return false;
                }
                return switch ((ReservationStatus) x[0]) {
                    case ACTIVE -> {
                        close(m, x, false);
                        x[0] = ReservationStatus.RELEASED;
                        yield true;
                    }
                    case RELEASED, EXPIRED -> true;
                    case CONFIRMED -> false;
                };
            }
            case Expire e -> {
                java.time.Instant now = clock.instant().plus(Duration.ofMinutes(e.minutes()));
                for (Object[] x : res.values()) {
                    if (x[0] == ReservationStatus.ACTIVE && !((java.time.Instant) x[2]).isAfter(now)) {
                        close(m, x, false);
                        x[0] = ReservationStatus.EXPIRED;
                    }
                }
                return true;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void close(Map<String, long[]> m, Object[] reservation, boolean confirm) {
        for (int[] line : (List<int[]>) reservation[1]) {
            long[] row = row(m, line[0], line[1]);
            row[1] -= line[2];
            if (confirm) {
                row[0] -= line[2];
            }
        }
    }

    private static boolean sameLines(List<int[]> a, List<int[]> b) {
        List<String> x = new ArrayList<>(a.stream().map(l -> l[0] + "@" + l[1] + "x" + l[2]).toList());
        List<String> y = new ArrayList<>(b.stream().map(l -> l[0] + "@" + l[1] + "x" + l[2]).toList());
        x.sort(null);
        y.sort(null);
        return x.equals(y);
    }

    private static boolean change(Map<String, long[]> m, int p, int l, long delta) {
        long[] row = m.getOrDefault(p + "@" + l, new long[2]);
        if (delta < 0 && row[0] - row[1] + delta < 0) {
            return false;
        }
        row(m, p, l)[0] += delta;
        return true;
    }

    private static long[] row(Map<String, long[]> m, int p, int l) {
        return m.computeIfAbsent(p + "@" + l, k -> new long[2]);
    }
}
