package dev.comptoir.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comptoir.saga.internal.PostgresSagaStorage;
import dev.comptoir.saga.spi.SagaStorage;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where a runtime keeps its sagas: in memory (tests, simulator) or in PostgreSQL.
 *
 * <pre>{@code
 * SagaStore memory = SagaStore.inMemory();
 * SagaStore pg = SagaStore.postgres(dataSource, "orders");   // migrates classpath:db/comptoir-saga
 * SagaRuntime runtime = Sagas.runtime().store(pg).build();
 * }</pre>
 *
 * <p>The PostgreSQL store keeps saga data as JSONB (Jackson; the data type must be
 * deserialisable, e.g. a record), versions every row optimistically, writes each transition
 * with its journal row in one transaction and leases work with {@code FOR UPDATE SKIP LOCKED}.
 * Its Flyway history table is {@code comptoir_saga_schema_history}, so it can share a schema
 * with other libraries. Thread-safe.
 */
public final class SagaStore {
    private final SagaStorage storage;

    private SagaStore(SagaStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** A fresh in-memory store that keeps every saga (see {@link InMemorySagaStorage} to forget finished ones). */
    public static SagaStore inMemory() {
        return new SagaStore(new InMemorySagaStorage());
    }

    /**
     * A PostgreSQL store in {@code schema} (created and migrated if needed). The data source
     * stays owned by the caller.
     */
    public static SagaStore postgres(DataSource dataSource, String schema) {
        return postgres(dataSource, schema, PostgresSagaStorage.defaultMapper());
    }

    /** Same, with the caller's Jackson mapper for saga data. */
    public static SagaStore postgres(DataSource dataSource, String schema, ObjectMapper mapper) {
        return new SagaStore(PostgresSagaStorage.migrate(dataSource, schema, mapper));
    }

    /** Wraps a custom implementation of the storage SPI. */
    public static SagaStore of(SagaStorage storage) {
        return new SagaStore(storage);
    }

    /** The underlying SPI implementation. */
    public SagaStorage storage() {
        return storage;
    }
}
