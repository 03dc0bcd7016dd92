package dev.comptoir.core.salesview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-store per-day sales totals in memory, fed by {@link SalesProjection}; days are taken in
 * the model's zone (default {@code America/Toronto}, Québec's) from each event's timestamp.
 * Value equality (for the projection checker). Not thread-safe (the runner serialises access).
 *
 * <pre>{@code
 * var runner = Projections.inMemory(store, new SalesProjection(SalesEventTypes.serializer()), SalesReadModel::new, clock);
 * runner.runUntilIdle();
 * runner.readModel().day(2, LocalDate.parse("2026-11-25")).net();
 * }</pre>
 */
public final class SalesReadModel {
    /** Zone of the days when none is given. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Toronto");

    private record Key(int store, LocalDate day) {
    }

    private final ZoneId zone;
    private final Map<Key, DayTotals> days = new HashMap<>();

    public SalesReadModel() {
        this(DEFAULT_ZONE);
    }

    public SalesReadModel(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Counts one event. */
    public void apply(SalesEvent e) {
        LocalDate day = LocalDate.ofInstant(e.at(), zone);
        Key k = new Key(e.storeId(), day);
        days.put(k, days.getOrDefault(k, DayTotals.empty(e.storeId(), day)).plus(e));
    }

    /** A store's totals of a day (empty totals when nothing happened). */
    public DayTotals day(int storeId, LocalDate day) {
        return days.getOrDefault(new Key(storeId, day), DayTotals.empty(storeId, day));
    }

    /** Every row, by store then day. */
    public List<DayTotals> all() {
        List<DayTotals> out = new ArrayList<>(days.values());
        out.sort(Comparator.comparingInt(DayTotals::storeId).thenComparing(DayTotals::day));
        return out;
    }

    /** Net amount of all rows. */
    public BigDecimal totalNet() {
        return days.values().stream().map(DayTotals::net).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SalesReadModel m && zone.equals(m.zone) && days.equals(m.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return "SalesReadModel[rows=" + days.size() + "]";
    }
}
