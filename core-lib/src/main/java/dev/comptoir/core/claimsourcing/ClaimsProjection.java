package dev.comptoir.core.claimsourcing;

import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.projection.Projection;
import java.util.Objects;

/**
 * In-memory projection of the claims read models ({@link ClaimReadModel}) from the event store.
 *
 * <pre>{@code
 * var runner = Projections.inMemory(store, new ClaimsProjection(ClaimEventTypes.serializer()),
 *         ClaimReadModel::new, clock);
 * runner.runUntilIdle();
 * runner.check();   // CheckResult.Consistent when equal to a fresh replay
 * }</pre>
 */
public final class ClaimsProjection implements Projection<ClaimReadModel> {
    /** Checkpoint name. */
    public static final String NAME = "claims-read-models";

    private final EventSerializer serializer;

    public ClaimsProjection(EventSerializer serializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(String eventType) {
        return ClaimEventTypes.CLAIM_TYPES.contains(eventType);
    }

    @Override
    public void apply(ClaimReadModel target, RecordedEvent event) {
        target.apply(serializer.deserialize(event, ClaimEvent.class), event.metadata().timestamp());
    }
}
