package dev.comptoir.saga.spi;

import dev.comptoir.saga.SagaEvent;

/**
 * Receives saga lifecycle events after their transitions were persisted (metrics, alerts,
 * audit). Called on the thread that advanced the saga, possibly from several worker threads at
 * once: implementations must be thread-safe and fast. An exception thrown here is logged and
 * otherwise ignored.
 *
 * <pre>{@code
 * Sagas.runtime().listener(event -> log.info("{}", event))...
 * }</pre>
 */
@FunctionalInterface
public interface SagaListener {
    /** One event. */
    void on(SagaEvent event);
}
