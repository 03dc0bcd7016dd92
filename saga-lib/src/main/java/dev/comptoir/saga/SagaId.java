package dev.comptoir.saga;

import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Identity of one saga instance.
 *
 * <pre>{@code
 * SagaId id = runtime.start(definition, data, "order-42");
 * SagaId same = SagaId.parse(id.toString());
 * }</pre>
 *
 * @param value the UUID
 */
public record SagaId(UUID value) {
    public SagaId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical UUID text form. */
    public static SagaId parse(String text) {
        Objects.requireNonNull(text, "text");
        return new SagaId(UUID.fromString(text));
    }

    /** A random (version 4) id drawn from the injected generator, so runs are reproducible from a seed. */
    public static SagaId random(RandomGenerator random) {
        long msb = (random.nextLong() & ~0x000000000000F000L) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new SagaId(new UUID(msb, lsb));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
