package dev.comptoir.eventstore.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryInboxTest {

    @Test
    void runOnce_sameKeyTwice_runsTheEffectOnce() {
        Inbox inbox = Inboxes.inMemory();
        AtomicInteger effects = new AtomicInteger();

        assertThat(inbox.runOnce("c", "e1", effects::incrementAndGet)).isTrue();
        assertThat(inbox.runOnce("c", "e1", effects::incrementAndGet)).isFalse();
        assertThat(inbox.runOnce("other", "e1", effects::incrementAndGet)).isTrue();

        assertThat(effects).hasValue(2);
    }

    @Test
    void runOnce_failingEffect_isNotRecordedAndRunsAgain() {
        Inbox inbox = Inboxes.inMemory(10);
        assertThatThrownBy(() -> inbox.runOnce("c", "e1", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(inbox.isProcessed("c", "e1")).isFalse();
        assertThat(inbox.runOnce("c", "e1", () -> { })).isTrue();
    }

    @Test
    void bounded_keepsTheNewestKeysAndForgetsOlderOnes() {
        Inbox inbox = Inboxes.inMemory(3);
        for (int i = 1; i <= 5; i++) {
            inbox.runOnce("c", "e" + i, () -> { });
        }

        assertThat(inbox.isProcessed("c", "e1")).isFalse();
        assertThat(inbox.isProcessed("c", "e2")).isFalse();
        assertThat(inbox.isProcessed("c", "e3")).isTrue();
        assertThat(inbox.isProcessed("c", "e5")).isTrue();
        AtomicInteger effects = new AtomicInteger();
        assertThat(inbox.runOnce("c", "e4", effects::incrementAndGet)).isFalse();
        assertThat(effects).hasValue(0);
    }

    @Test
    void bounded_zeroKeys_isRejected() {
        assertThatThrownBy(() -> Inboxes.inMemory(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keptKeys");
    }
}
