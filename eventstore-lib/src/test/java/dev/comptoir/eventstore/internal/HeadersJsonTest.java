package dev.comptoir.eventstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.eventstore.EventStoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersJsonTest {

    @Test
    void writeThenRead_givesTheSameMap_andRecurringTextIsParsedOnce() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("revision", "3");
        h.put("tenant", "qc-\"1\"");

        String json = HeadersJson.write(h);

        assertThat(HeadersJson.read(json)).isEqualTo(h);
        assertThat(HeadersJson.read(json)).isSameAs(HeadersJson.read(json));
        assertThat(HeadersJson.write(Map.copyOf(h))).isEqualTo(json);
    }

    @Test
    void read_emptyForms_giveAnEmptyMap() {
        assertThat(HeadersJson.read(null)).isEmpty();
        assertThat(HeadersJson.read("")).isEmpty();
        assertThat(HeadersJson.read("{}")).isEmpty();
    }

    @Test
    void read_corruptText_isAnInvalidEventError() {
        assertThatThrownBy(() -> HeadersJson.read("{\"revision\":")).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("corrupt headers");
        assertThatThrownBy(() -> HeadersJson.read("{\"revision\":null}")).isInstanceOf(EventStoreException.class);
    }
}
