package dev.comptoir.core.postgres;

import dev.comptoir.saga.VirtualClock;
import dev.comptoir.core.inventory.InventoryOperations;
import dev.comptoir.core.inventory.InventoryService;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class PgInventoryPropertiesTest {
    private static TestDatabase db;

    @BeforeContainer
    static void openDatabase() {
        db = TestDatabase.create("inventory_props", 4);
    }

    @AfterContainer
    static void dropDatabase() {
        db.close();
    }

    @Provide
    Arbitrary<List<InventoryOperations.Op>> ops() {
        return InventoryOperations.ops().list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 12)
    void randomOperations_keepInvariantsAndAgreeWithModel(
            @ForAll("ops") List<InventoryOperations.Op> ops) {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE stock, stock_movements, reservations RESTART IDENTITY"));
        VirtualClock clock = VirtualClock.at("2026-03-02T14:00:00Z");
        InventoryOperations.run(new InventoryService(new PgInventoryStore(db.database().jdbi()), clock), clock, ops);
    }
}
