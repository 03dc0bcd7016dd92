package dev.comptoir.eventstore;

import java.time.Clock;
import java.time.ZoneOffset;

class InMemoryEventStoreTest extends EventStoreContractTest {
    @Override
    protected EventStore createStore() {
        return EventStore.inMemory(Clock.fixed(TestEvents.T0, ZoneOffset.UTC));
    }
}
