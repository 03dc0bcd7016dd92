package dev.comptoir.core.salesview;

import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.projection.Projection;
import java.util.Objects;

/**
 * In-memory sales projection: {@link SalesEvent}s → {@link SalesReadModel}.
 *
 * <pre>{@code
 * Projections.inMemory(store, new SalesProjection(SalesEventTypes.serializer()), SalesReadModel::new, clock);
 * }</pre>
 */
public final class SalesProjection implements Projection<SalesReadModel> {
    /** Checkpoint name. */
    public static final String NAME = "sales-daily-totals";

    private final EventSerializer serializer;

    public SalesProjection(EventSerializer serializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(String eventType) {
        return SalesEventTypes.TYPES.contains(eventType);
    }

    @Override
    public void apply(SalesReadModel target, RecordedEvent event) {
        target.apply(serializer.deserialize(event, SalesEvent.class));
    }
}
