package dev.comptoir.saga;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.comptoir.saga.spi.SagaListener;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Adapter from saga lifecycle events to a Dropwizard Metrics {@link MetricRegistry}.
 *
 * <pre>{@code
 * SagaMetrics metrics = SagaMetrics.create(registry);
 * SagaRuntime runtime = Sagas.runtime().store(store).listener(metrics).build();
 * metrics.registerGauges(runtime);    // saga.active and saga.stuck
 * }</pre>
 *
 * <p>Metric names (prefix {@code saga}): counters {@code saga.started},
 * {@code saga.outcome.completed|compensated|resolved}, {@code saga.stuck},
 * {@code saga.compensations} (sagas that began compensating), {@code saga.step.failures}
 * (failed attempts) and {@code saga.step.retries}; timers (with histograms of step durations)
 * {@code saga.step.<definition>.<step>.action|compensation}; gauges {@code saga.active}
 * (RUNNING + COMPENSATING) and {@code saga.stuck.current}, read from the store. Thread-safe.
 */
public final class SagaMetrics implements SagaListener {
    private final MetricRegistry registry;
    private final String prefix;

    private SagaMetrics(MetricRegistry registry, String prefix) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** Metrics named {@code saga.*}. */
    public static SagaMetrics create(MetricRegistry registry) {
        return new SagaMetrics(registry, "saga");
    }

    /** Metrics named {@code <prefix>.*}. */
    public static SagaMetrics create(MetricRegistry registry, String prefix) {
        return new SagaMetrics(registry, prefix);
    }

    /** Registers the {@code active} and {@code stuck.current} gauges, computed from {@code runtime}'s counts. */
    public SagaMetrics registerGauges(SagaRuntime runtime) {
        Objects.requireNonNull(runtime, "runtime");
        registry.register(MetricRegistry.name(prefix, "active"), (Gauge<Long>) () -> {
            var counts = runtime.countsByState();
            return counts.get(SagaState.RUNNING) + counts.get(SagaState.COMPENSATING);
        });
        registry.register(MetricRegistry.name(prefix, "stuck", "current"),
                (Gauge<Long>) () -> runtime.countsByState().get(SagaState.STUCK));
        return this;
    }

    @Override
    public void on(SagaEvent event) {
        switch (event) {
            case SagaEvent.Started s -> registry.counter(MetricRegistry.name(prefix, "started")).inc();
            case SagaEvent.StepSucceeded s -> registry.timer(MetricRegistry.name(prefix, "step", s.definition(),
                            s.step(), s.direction() == Direction.ACTION ? "action" : "compensation"))
                    .update(s.duration().toNanos(), TimeUnit.NANOSECONDS);
            case SagaEvent.StepFailed f -> {
                registry.counter(MetricRegistry.name(prefix, "step", "failures")).inc();
                if (f.willRetry()) {
                    registry.counter(MetricRegistry.name(prefix, "step", "retries")).inc();
                }
            }
            case SagaEvent.CompensationStarted c -> registry.counter(MetricRegistry.name(prefix, "compensations")).inc();
            case SagaEvent.Finished f -> registry.counter(MetricRegistry.name(prefix, "outcome",
                    f.state().name().toLowerCase(java.util.Locale.ROOT))).inc();
            case SagaEvent.Stuck s -> registry.counter(MetricRegistry.name(prefix, "stuck")).inc();
        }
    }
}
