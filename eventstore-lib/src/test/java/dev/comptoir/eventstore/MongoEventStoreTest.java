package dev.comptoir.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store TCK against the official driver talking to mongo-java-server in-process (no MongoDB
 * server can be installed on the build machine).
 */
class MongoEventStoreTest extends EventStoreContractTest {
    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @Override
    protected EventStore createStore() {
        return EventStore.mongo(client.getDatabase("es_" + UUID.randomUUID().toString().substring(0, 8)), Clock.systemUTC());
    }

    @Override
    protected int tortureAppendsPerWriter() {
        return 12;
    }
}
