package dev.comptoir.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.checkout.spi.SagaOrderIndex;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link SagaOrderIndex} must meet; subclass it and implement {@link #create()}. */
public abstract class SagaOrderIndexContractTest {

    /** A fresh, empty index. */
    protected abstract SagaOrderIndex create();

    private SagaOrderIndex index;

    @BeforeEach
    void setUp() {
        index = create();
    }

    @Test
    void placeOnce_twiceForOneSaga_runsThePlacerOnceAndReturnsTheFirstId() {
        AtomicInteger calls = new AtomicInteger();

        long first = index.placeOnce("saga-1", () -> 100 + calls.incrementAndGet());
        long second = index.placeOnce("saga-1", () -> 100 + calls.incrementAndGet());

        assertThat(first).isEqualTo(101);
        assertThat(second).isEqualTo(101);
        assertThat(calls).hasValue(1);
        assertThat(index.find("saga-1")).contains(101L);
    }

    @Test
    void find_unknownSaga_isEmpty() {
        index.placeOnce("saga-a", () -> 7);

        assertThat(index.find("saga-b")).isEmpty();
    }
}
