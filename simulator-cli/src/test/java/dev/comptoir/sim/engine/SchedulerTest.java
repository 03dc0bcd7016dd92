package dev.comptoir.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void runNext_eventsOutOfOrder_runByTimeThenInsertionOrder() {
        VirtualClock clock = new VirtualClock();
        Scheduler s = new Scheduler(clock);
        List<String> seen = new ArrayList<>();
        s.after(30, () -> seen.add("c@" + clock.elapsedMillis()));
        s.after(10, () -> seen.add("a@" + clock.elapsedMillis()));
        s.after(10, () -> seen.add("b@" + clock.elapsedMillis()));
        s.after(0, () -> seen.add("z@" + clock.elapsedMillis()));

        while (s.runNext()) {
            // drain
        }

        assertThat(seen).containsExactly("z@0", "a@10", "b@10", "c@30");
    }

    @Test
    void runNext_manyRandomEvents_neverGoesBackInTime() {
        VirtualClock clock = new VirtualClock();
        Scheduler s = new Scheduler(clock);
        SplittableRandom rnd = new SplittableRandom(1);
        long[] last = {-1};
        int[] ran = {0};
        for (int i = 0; i < 10_000; i++) {
            s.after(rnd.nextInt(1_000), () -> {
                assertThat(clock.elapsedMillis()).isGreaterThanOrEqualTo(last[0]);
                last[0] = clock.elapsedMillis();
                ran[0]++;
            });
        }
        while (s.runNext()) {
            // drain
        }
        assertThat(ran[0]).isEqualTo(10_000);
        assertThat(s.isEmpty()).isTrue();
    }
}
