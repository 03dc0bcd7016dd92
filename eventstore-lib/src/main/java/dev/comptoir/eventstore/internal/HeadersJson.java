package dev.comptoir.eventstore.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comptoir.eventstore.EventStoreException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event headers as JSON text (the PostgreSQL {@code headers} column, the bus's {@code headers}
 * field). Header maps recur — typically only a payload revision — so the text of the first
 * 1,024 distinct maps is written and parsed once and then reused; the maps are immutable.
 *
 * <pre>{@code
 * String json = HeadersJson.write(Map.of("revision", "2"));   // {"revision":"2"}
 * Map<String, String> back = HeadersJson.read(json);
 * }</pre>
 */
public final class HeadersJson {
    private static final int CACHE_LIMIT = 1_024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> TYPE = new TypeReference<>() {
    };
    private static final Map<String, Map<String, String>> PARSED = new ConcurrentHashMap<>();
    private static final Map<Map<String, String>, String> WRITTEN = new ConcurrentHashMap<>();

    private HeadersJson() {
    }

    /** The JSON object text of {@code headers}. */
    public static String write(Map<String, String> headers) {
        String cached = WRITTEN.get(headers);
        if (cached != null) {
            return cached;
        }
        try {
            String json = JSON.writeValueAsString(headers);
            if (WRITTEN.size() < CACHE_LIMIT) {
                WRITTEN.put(Map.copyOf(headers), json);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw EventStoreException.invalid("cannot write headers", e);
        }
    }

    /** The (immutable) map of a JSON object text; {@code null}, empty or {@code {}} give an empty map. */
    public static Map<String, String> read(String json) {
        if (json == null || json.isEmpty() || "{}".equals(json)) {
            return Map.of();
        }
        Map<String, String> cached = PARSED.get(json);
        if (cached != null) {
            return cached;
        }
        try {
            Map<String, String> headers = Map.copyOf(JSON.readValue(json, TYPE));
            if (PARSED.size() < CACHE_LIMIT) {
                PARSED.put(json, headers);
            }
            return headers;
        } catch (JsonProcessingException | NullPointerException e) {
            throw EventStoreException.invalid("corrupt headers " + json, e);
        }
    }
}
