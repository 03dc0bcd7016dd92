package dev.comptoir.core.claim;

import dev.comptoir.core.ComptoirException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Use-cases of customer claims: create, assign, start, resolve, close.
 *
 * <pre>{@code
 * ClaimService claims = new ClaimService(new InMemoryClaimRepository(), clock, random);
 * Claim c = claims.create(NewClaim.of("customer_1", "delivery_issue", "Colis jamais reçu", null));
 * claims.assign(c.claimId(), "agent-7");
 * claims.start(c.claimId());
 * claims.resolve(c.claimId(), "Colis renvoyé");
 * claims.close(c.claimId());
 * }</pre>
 *
 * <p>Thread-safe when its repository is. Claim ids come from the injected random generator.
 */
public final class ClaimService {
    private final ClaimRepository claims;
    private final Clock clock;
    private final RandomGenerator random;

    public ClaimService(ClaimRepository claims, Clock clock, RandomGenerator random) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Opens a claim in status {@code created}. */
    public Claim create(NewClaim command) {
        Objects.requireNonNull(command, "command");
        Claim c = Claim.open(newId(), command, now());
        claims.insert(c);
        return c;
    }

    /** Assigns an agent (from created or assigned). */
    public Claim assign(ClaimId id, String agentId) {
        return apply(id, new ClaimAction.Assign(agentId));
    }

    /** Starts processing (only from assigned). */
    public Claim start(ClaimId id) {
        return apply(id, new ClaimAction.Start());
    }

    /** Resolves (only from in progress). */
    public Claim resolve(ClaimId id, String resolution) {
        return apply(id, new ClaimAction.Resolve(resolution));
    }

    /** Closes (only from resolved). */
    public Claim close(ClaimId id) {
        return apply(id, new ClaimAction.Close());
    }

    /**
     * Applies any action.
     *
     * @throws ComptoirException NOT_FOUND; CONFLICT on a forbidden transition
     */
    public Claim apply(ClaimId id, ClaimAction action) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        var now = now();
        return claims.update(id, c -> c.apply(action, now));
    }

    /** The claim; NOT_FOUND when absent. */
    public Claim get(ClaimId id) {
        return claims.find(Objects.requireNonNull(id, "id")).orElseThrow(() -> notFound(id));
    }

    /** Claims, oldest first, optionally filtered. */
    public List<Claim> list(ClaimStatus status, String customerId) {
        return claims.list(status, customerId);
    }

    /** The NOT_FOUND of an unknown claim. */
    public static ComptoirException notFound(ClaimId id) {
        return ComptoirException.notFound("claim", id);
    }

    private ClaimId newId() {
        long hi;
        long lo;
        synchronized (random) {
            hi = random.nextLong();
            lo = random.nextLong();
        }
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new ClaimId(new UUID(hi, lo));
    }

    /** The clock's time at the microsecond, the precision every adapter stores. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
