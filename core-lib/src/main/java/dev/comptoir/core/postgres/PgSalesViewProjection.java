package dev.comptoir.core.postgres;

import dev.comptoir.core.salesview.SalesEvent;
import dev.comptoir.core.salesview.SalesEventTypes;
import dev.comptoir.core.salesview.SalesReadModel;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.projection.PostgresProjection;
import dev.comptoir.eventstore.projection.ReadModelTx;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Per-store per-day sales totals in PostgreSQL (view {@code sales_daily_totals}, PK
 * {@code (store_id, day)}), same rules as {@link SalesReadModel}.
 *
 * <pre>{@code
 * Projections.postgres(store, dataSource, schema, new PgSalesViewProjection(SalesEventTypes.serializer()));
 * }</pre>
 */
public final class PgSalesViewProjection implements PostgresProjection {
    private final EventSerializer serializer;
    private final ZoneId zone;

    public PgSalesViewProjection(EventSerializer serializer) {
        this(serializer, SalesReadModel.DEFAULT_ZONE);
    }

    public PgSalesViewProjection(EventSerializer serializer, ZoneId zone) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public String name() {
        return "sales-daily-totals";
    }

    @Override
    public boolean handles(String eventType) {
        return SalesEventTypes.TYPES.contains(eventType);
    }

    @Override
    public List<String> tables() {
        return List.of("sales_daily_totals");
    }

    @Override
    public void createTables(ReadModelTx tx) {
        tx.handle().execute("CREATE TABLE " + tx.table("sales_daily_totals") + " (store_id integer NOT NULL, day date NOT NULL,"
                + " sales bigint NOT NULL, sales_amount numeric(14,2) NOT NULL, returns bigint NOT NULL,"
                + " returns_amount numeric(14,2) NOT NULL, orders bigint NOT NULL, orders_amount numeric(14,2) NOT NULL,"
                + " PRIMARY KEY (store_id, day))");
    }

    @Override
    public void apply(ReadModelTx tx, RecordedEvent event) {
        SalesEvent e = serializer.deserialize(event, SalesEvent.class);
        String t = tx.table("sales_daily_totals");
        String[] cols = switch (e) {
            case SalesEvent.SaleRecorded s -> new String[] {"sales", "sales_amount"};
            case SalesEvent.SaleReturned r -> new String[] {"returns", "returns_amount"};
            case SalesEvent.OrderCompleted o -> new String[] {"orders", "orders_amount"};
        };
        tx.handle().createUpdate("INSERT INTO " + t + " AS s (store_id, day, sales, sales_amount, returns, returns_amount,"
                        + " orders, orders_amount) VALUES (:store, :day, 0, 0, 0, 0, 0, 0) ON CONFLICT (store_id, day) DO NOTHING")
                .bind("store", e.storeId()).bind("day", LocalDate.ofInstant(e.at(), zone)).execute();
        tx.handle().createUpdate("UPDATE " + t + " SET " + cols[0] + " = " + cols[0] + " + 1, " + cols[1] + " = "
                        + cols[1] + " + :amount WHERE store_id = :store AND day = :day")
                .bind("amount", e.amount()).bind("store", e.storeId()).bind("day", LocalDate.ofInstant(e.at(), zone))
                .execute();
    }
}
