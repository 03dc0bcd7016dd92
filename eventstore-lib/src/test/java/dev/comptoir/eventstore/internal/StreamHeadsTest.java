package dev.comptoir.eventstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamHeadsTest {

    @Test
    void get_unknownStream_isMinusOne() {
        assertThat(new PostgresEventStore.StreamHeads().get("orders-1")).isEqualTo(-1);
    }

    @Test
    void put_sameStreamAgain_replacesItsVersion() {
        var heads = new PostgresEventStore.StreamHeads();
        heads.put("orders-1", 1);
        heads.put("orders-1", 2);

        assertThat(heads.get("orders-1")).isEqualTo(2);
    }

    @Test
    void put_aFewHundredBusyStreams_rememberedWithoutEvictingEachOther() {
        var heads = new PostgresEventStore.StreamHeads();
        for (int round = 1; round <= 3; round++) {
            for (int t = 0; t < 8; t++) {
                for (int k = 0; k < 64; k++) {
                    heads.put("single-" + t + "-" + k, round);
                }
            }
        }
        int remembered = 0;
        for (int t = 0; t < 8; t++) {
            for (int k = 0; k < 64; k++) {
                remembered += heads.get("single-" + t + "-" + k) == 3 ? 1 : 0;
            }
        }

        assertThat(remembered).isEqualTo(512);
    }

    @Test
    void put_moreStreamsThanSlots_forgetsSomeButNeverInventsAVersion() {
        var heads = new PostgresEventStore.StreamHeads();
        int n = PostgresEventStore.StreamHeads.SLOTS * 2;
        for (int i = 0; i < n; i++) {
            heads.put("s-" + i, i);
        }
        for (int i = 0; i < n; i++) {
            long v = heads.get("s-" + i);
            assertThat(v).isIn(-1L, (long) i);
        }
    }
}
