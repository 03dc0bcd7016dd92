/**
 * Service-provider interfaces of saga-lib: storage ({@link dev.comptoir.saga.spi.SagaStorage}),
 * lifecycle listeners ({@link dev.comptoir.saga.spi.SagaListener}) and the fault-injection hook
 * ({@link dev.comptoir.saga.spi.ExecutionHook}). Implement these to extend the library; application
 * code normally only uses {@code dev.comptoir.saga}.
 */
package dev.comptoir.saga.spi;
