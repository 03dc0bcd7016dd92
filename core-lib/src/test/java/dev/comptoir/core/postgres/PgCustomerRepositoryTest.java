package dev.comptoir.core.postgres;

import dev.comptoir.core.customer.CustomerRepository;
import dev.comptoir.core.customer.CustomerRepositoryContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgCustomerRepositoryTest extends CustomerRepositoryContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("a2_customers", 8);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected CustomerRepository create() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE customers RESTART IDENTITY CASCADE"));
        return new PgCustomerRepository(db.database().jdbi());
    }
}
