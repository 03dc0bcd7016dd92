package dev.comptoir.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.comptoir.eventstore.internal.IsoInstants;
import dev.comptoir.eventstore.spi.Upcaster;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns domain event objects into {@link EventEnvelope}s and stored events back into objects,
 * with a registry of type names and upcasters for older payload revisions.
 *
 * <pre>{@code
 * EventSerializer serializer = EventSerializer.builder()
 *         .register("ClaimCreated", ClaimCreated.class)
 *         .register("RefundCalculated", RefundCalculated.class, 2)        // current revision 2
 *         .upcaster(Upcaster.of("RefundCalculated", 1, json -> json.put("currency", "CAD")))
 *         .build();
 * EventEnvelope env = serializer.envelope(eventId, new ClaimCreated(...), EventMetadata.of(now));
 * Object event = serializer.deserialize(recorded);
 * }</pre>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class EventSerializer {

    /** Header holding the payload's schema revision. */
    public static final String REVISION_HEADER = "revision";

    private final ObjectMapper mapper;
    private final Map<String, Registration> byType;
    private final Map<Class<?>, Registration> byClass;
    private final Map<String, Map<Integer, Upcaster>> upcasters;

    private EventSerializer(Builder b) {
        this.mapper = b.mapper;
        this.byType = Map.copyOf(b.byType);
        this.byClass = Map.copyOf(b.byClass);
        var ups = new HashMap<String, Map<Integer, Upcaster>>();
        b.upcasters.forEach((k, v) -> ups.put(k, Map.copyOf(v)));
        this.upcasters = Map.copyOf(ups);
    }

    /** A builder with a default mapper (java.time support, ISO dates, unknown properties ignored). */
    public static Builder builder() {
        return new Builder(defaultMapper());
    }

    /** A builder using {@code mapper}. */
    public static Builder builder(ObjectMapper mapper) {
        return new Builder(Objects.requireNonNull(mapper, "mapper"));
    }

    /**
     * The mapper the library uses by default: java.time as ISO text (instants in the
     * {@code Instant.toString()} shape, read and written by a fast path), unknown properties ignored,
     * decimals kept exact (a {@code BigDecimal} 12.50 reads back as 12.50, also through upcasters).
     */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(IsoInstants.module()) // same text, written and read without DateTimeFormatter
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** The mapper. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The registered type name of {@code event}'s class. */
    public String typeOf(Object event) {
        return registration(event.getClass()).type();
    }

    /** True when {@code type} is registered. */
    public boolean knows(String type) {
        return byType.containsKey(type);
    }

    /** An envelope for {@code event} with {@code eventId} and {@code metadata} (the revision header is set). */
    public EventEnvelope envelope(UUID eventId, Object event, EventMetadata metadata) {
        Registration r = registration(event.getClass());
        String json;
        try {
            json = r.writer().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw EventStoreException.invalid("cannot serialize " + event.getClass().getName(), e);
        }
        return new EventEnvelope(eventId, r.type(), json, metadata.withHeader(REVISION_HEADER, r.revisionText()));
    }

    /** The event object of {@code recorded}, upcast to the current revision. */
    public Object deserialize(RecordedEvent recorded) {
        return deserialize(recorded.type(), recorded.payload(), recorded.metadata());
    }

    /** The event object of {@code recorded} as {@code type}. */
    public <T> T deserialize(RecordedEvent recorded, Class<T> type) {
        return type.cast(deserialize(recorded));
    }

    /** The event object for a type name, payload and metadata (e.g. from a bus message). */
    public Object deserialize(String type, String payload, EventMetadata metadata) {
        Registration r = byType.get(type);
        if (r == null) {
            throw EventStoreException.invalid("event type '" + type + "' is not registered");
        }
        try {
            String header = metadata.headers().get(REVISION_HEADER);
            int revision = header == null ? 1 : Integer.parseInt(header);
            if (revision == r.revision()) {
                return r.reader().readValue(payload); // current revision: straight to the object, no tree
            }
            ObjectNode json = (ObjectNode) mapper.readTree(payload);
            var chain = upcasters.getOrDefault(type, Map.of());
            while (revision < r.revision()) {
                Upcaster u = chain.get(revision);
                if (u == null) {
                    throw EventStoreException.invalid("no upcaster for " + type + " revision " + revision
                            + " (current revision " + r.revision() + ")");
                }
                json = u.upcast(json);
                revision++;
            }
            return r.reader().readValue(json); // a newer revision than ours is read as far as it goes
        } catch (IOException | ClassCastException | NumberFormatException e) {
            throw EventStoreException.invalid("cannot deserialize event of type " + type, e);
        }
    }

    /** JSON text of any value with this serializer's mapper. */
    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw EventStoreException.invalid("cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** A value of {@code type} from JSON text. */
    public <T> T fromJson(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw EventStoreException.invalid("cannot deserialize " + type.getName(), e);
        }
    }

    private Registration registration(Class<?> c) {
        Registration r = byClass.get(c);
        if (r == null) {
            throw EventStoreException.invalid("event class " + c.getName() + " is not registered");
        }
        return r;
    }

    /** A registered type with its reader and writer prepared once (Jackson's readers/writers are immutable). */
    private record Registration(String type, Class<?> javaType, int revision, String revisionText,
                                ObjectReader reader, ObjectWriter writer) {
        Registration(ObjectMapper mapper, String type, Class<?> javaType, int revision) {
            this(type, javaType, revision, Integer.toString(revision), mapper.readerFor(javaType),
                    mapper.writerFor(javaType));
        }
    }

    /** Builds an {@link EventSerializer}. Not thread-safe. */
    public static final class Builder {
        private final ObjectMapper mapper;
        private final Map<String, Registration> byType = new HashMap<>();
        private final Map<Class<?>, Registration> byClass = new HashMap<>();
        private final Map<String, Map<Integer, Upcaster>> upcasters = new HashMap<>();

        private Builder(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        /** Registers {@code javaType} under the name {@code type}, revision 1. */
        public Builder register(String type, Class<?> javaType) {
            return register(type, javaType, 1);
        }

        /** Registers {@code javaType} under {@code type} with its current payload revision. */
        public Builder register(String type, Class<?> javaType, int revision) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(javaType, "javaType");
            if (revision < 1) {
                throw new IllegalArgumentException("revision must be >= 1, was " + revision);
            }
            var r = new Registration(mapper, type, javaType, revision);
            if (byType.putIfAbsent(type, r) != null) {
                throw new IllegalArgumentException("type " + type + " registered twice");
            }
            byClass.put(javaType, r);
            return this;
        }

        /** Adds an upcaster. */
        public Builder upcaster(Upcaster upcaster) {
            var chain = upcasters.computeIfAbsent(upcaster.eventType(), k -> new HashMap<>());
            if (chain.putIfAbsent(upcaster.fromRevision(), upcaster) != null) {
                throw new IllegalArgumentException("two upcasters for " + upcaster.eventType()
                        + " revision " + upcaster.fromRevision());
            }
            return this;
        }

        /** Adds several upcasters. */
        public Builder upcasters(List<Upcaster> list) {
            list.forEach(this::upcaster);
            return this;
        }

        /** The serializer. */
        public EventSerializer build() {
            return new EventSerializer(this);
        }
    }
}
