package dev.comptoir.core.memory;

import dev.comptoir.saga.VirtualClock;
import dev.comptoir.core.inventory.InventoryOperations;
import dev.comptoir.core.inventory.InventoryService;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

class InMemoryInventoryPropertiesTest {

    @Provide
    Arbitrary<List<InventoryOperations.Op>> ops() {
        return InventoryOperations.ops().list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void randomOperations_keepInvariantsAndAgreeWithModel(
            @ForAll("ops") List<InventoryOperations.Op> ops) {
        VirtualClock clock = VirtualClock.at("2026-03-02T14:00:00Z");
        InventoryOperations.run(new InventoryService(new InMemoryInventoryStore(), clock), clock, ops);
    }
}
