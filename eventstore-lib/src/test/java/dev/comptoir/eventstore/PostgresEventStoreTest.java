package dev.comptoir.eventstore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresEventStoreTest extends EventStoreContractTest {
    private static PgTestSupport pg;

    @BeforeAll
    static void connect() {
        pg = new PgTestSupport(8);
    }

    @AfterAll
    static void dropSchemas() {
        pg.close();
    }

    @Override
    protected EventStore createStore() {
        return EventStore.postgres(pg.dataSource(), pg.newSchema("es_tck"));
    }

    @Override
    protected int tortureAppendsPerWriter() {
        return 100;
    }
}
