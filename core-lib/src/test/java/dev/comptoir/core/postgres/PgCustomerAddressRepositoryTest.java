package dev.comptoir.core.postgres;

import dev.comptoir.core.customer.AddressRepository;
import dev.comptoir.core.customer.AddressRepositoryContractTest;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.customer.NewCustomer;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgCustomerAddressRepositoryTest extends AddressRepositoryContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("a2_addresses", 4);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected AddressRepository create() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE customers RESTART IDENTITY CASCADE"));
        return new PgCustomerAddressRepository(db.database().jdbi());
    }

    @Override
    protected CustomerId newCustomer() {
        return new PgCustomerRepository(db.database().jdbi()).create(new NewCustomer(
                UUID.randomUUID() + "@email.com", "h", "Nom", "Prenom", null, null, Instant.EPOCH)).id();
    }
}
