package dev.comptoir.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.inventory.InventoryStore;
import dev.comptoir.core.inventory.InventoryStoreContractTest;
import dev.comptoir.core.inventory.Movement;
import dev.comptoir.core.inventory.ReservationId;
import dev.comptoir.core.inventory.ReservationLine;
import dev.comptoir.core.inventory.ReservationOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryInventoryStoreTest extends InventoryStoreContractTest {
    @Override
    protected InventoryStore createStore() {
        return new InMemoryInventoryStore();
    }

    private InMemoryInventoryStore memory() {
        return (InMemoryInventoryStore) store;
    }

    @Test
    void expireDue_afterRetention_forgetsClosedReservations() {
        inventory.receive(P1, STORE, 10, "r");
        ReservationId id = ReservationId.of("saga-1");
        inventory.reserve(id, "c", List.of(ReservationLine.of(P1, STORE, 2)));
        inventory.confirm(id);
        clock.advance(Duration.ofMinutes(30));
        inventory.expireDue();

        assertThat(inventory.confirm(id)).isInstanceOf(ReservationOutcome.Unchanged.class);
        clock.advance(Duration.ofMinutes(31));
        inventory.expireDue();

        assertThat(memory().reservationCount()).isZero();
        assertThatThrownBy(() -> inventory.confirm(id)).isInstanceOf(ComptoirException.class);
        assertThat(inventory.level(P1, STORE).orElseThrow().onHand()).isEqualTo(8);
        assertThat(inventory.verifyJournal()).isEmpty();
    }

    @Test
    void forgetClosedBefore_keepsActiveReservations() {
        inventory.receive(P1, STORE, 10, "r");
        inventory.reserve(ReservationId.of("a"), "c", List.of(ReservationLine.of(P1, STORE, 1)));
        inventory.reserve(ReservationId.of("b"), "c", List.of(ReservationLine.of(P1, STORE, 1)));
        inventory.release(ReservationId.of("b"));

        int forgotten = memory().forgetClosedBefore(clock.instant().plusSeconds(1));

        assertThat(forgotten).isEqualTo(1);
        assertThat(store.reservation(ReservationId.of("a"))).isPresent();
        assertThat(store.reservation(ReservationId.of("b"))).isEmpty();
    }

    @Test
    void journal_manyRows_growsAndKeepsReferences() {
        for (int i = 0; i < 5_000; i++) {
            inventory.receive(P1, STORE, 1, "ref-" + (i / 2));
        }

        assertThat(memory().journalSize()).isEqualTo(5_000);
        List<Movement> last = inventory.movements(P1, STORE, 3);
        assertThat(last).extracting(Movement::reference).containsExactly("ref-2498", "ref-2499", "ref-2499");
        assertThat(last).extracting(Movement::sequence).containsExactly(4998L, 4999L, 5000L);
        assertThat(inventory.verifyJournal()).isEmpty();
    }

    @Test
    void journal_withRowLimit_foldsOldRowsButStillVerifiesEveryMovement() {
        InMemoryInventoryStore small = new InMemoryInventoryStore(Duration.ofMinutes(1), 100);
        var inv = new dev.comptoir.core.inventory.InventoryService(small, clock);
        inv.receive(P1, STORE, 1_000, "initial");
        inv.receive(P2, STORE, 1_000, "initial");
        for (int i = 0; i < 1_000; i++) {
            ReservationId id = ReservationId.of("order-" + i);
            inv.reserve(id, "c", List.of(ReservationLine.of(P1, STORE, 1), ReservationLine.of(P2, STORE, 1)));
            if (i % 3 == 0) {
                inv.release(id);
            } else {
                inv.confirm(id);
            }
        }

        assertThat(small.journalSize()).isEqualTo(2 + 1_000 * 4);
        assertThat(inv.verifyJournal()).isEmpty();
        var totals = small.recomputeFromJournal().get(dev.comptoir.core.inventory.StockKey.of(P1, STORE));
        assertThat(totals.onHandDelta()).isEqualTo(inv.level(P1, STORE).orElseThrow().onHand());
        List<Movement> last = inv.movements(P1, STORE, 2);
        assertThat(last).extracting(Movement::reference).containsExactly("order-999", "order-999");
        assertThat(last).extracting(Movement::sequence).containsExactly(3_999L, 4_001L);
        assertThat(inv.movements(P1, STORE, 10_000)).hasSizeBetween(40, 80); // the older rows were folded into totals
    }

    @Test
    void receive_quantityBeyondInt_isInvalidAndWritesNothing() {
        assertThatThrownBy(() -> inventory.receive(P1, STORE, 3_000_000_000L, "big"))
                .isInstanceOf(ComptoirException.class);
        assertThat(inventory.level(P1, STORE)).isEmpty();
        assertThat(memory().journalSize()).isZero();
    }
}
