package dev.comptoir.saga;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A saga as an operator sees it: state, data, current step and per-step timeline.
 *
 * <pre>{@code
 * SagaStatus s = runtime.status(id).orElseThrow();
 * if (s.state() == SagaState.STUCK) alert(s.failure());
 * Order order = s.data(Order.class);
 * }</pre>
 *
 * @param id                the saga
 * @param definitionName    definition name
 * @param definitionVersion definition version the saga runs on
 * @param idempotencyKey    the start key
 * @param state             lifecycle state
 * @param currentStep       the step being run, compensated or waited on ({@code null} when terminal)
 * @param data              the saga data
 * @param timeline          per-step entries in execution order
 * @param failure           why the saga failed or got stuck, or {@code null}
 * @param createdAt         when it started
 * @param updatedAt         last transition
 */
public record SagaStatus(SagaId id, String definitionName, int definitionVersion, String idempotencyKey,
                         SagaState state, String currentStep, Object data, List<StepTrace> timeline,
                         String failure, Instant createdAt, Instant updatedAt) {
    public SagaStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definitionName, "definitionName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(data, "data");
        timeline = List.copyOf(timeline);
    }

    /** The data cast to its record type. */
    public <S> S data(Class<S> type) {
        return type.cast(data);
    }
}
