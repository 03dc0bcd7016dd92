package dev.comptoir.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The stock report (reference {@code STOCKS}).
 *
 * @param at          when it was computed
 * @param perLocation every location that holds stock rows, by id
 * @param alerts      every row at or below its threshold, by location then product
 */
public record StockReport(Instant at, List<LocationStock> perLocation, List<StockAlert> alerts) {
    public StockReport {
        Objects.requireNonNull(at, "at");
        perLocation = List.copyOf(perLocation);
        alerts = List.copyOf(alerts);
    }
}
