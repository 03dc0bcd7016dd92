package dev.comptoir.core.memory;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimRepository;
import dev.comptoir.core.claim.ClaimService;
import dev.comptoir.core.claim.ClaimStatus;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link ClaimRepository} in memory. Thread-safe (one lock). */
public final class InMemoryClaimRepository implements ClaimRepository {
    private final Map<ClaimId, Claim> claims = new LinkedHashMap<>();

    @Override
    public synchronized void insert(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        if (claims.putIfAbsent(claim.claimId(), claim) != null) {
            throw ComptoirException.conflict("claim_id", "claim " + claim.claimId() + " already exists");
        }
    }

    @Override
    public synchronized Optional<Claim> find(ClaimId id) {
        return Optional.ofNullable(claims.get(id));
    }

    @Override
    public synchronized Claim update(ClaimId id, UnaryOperator<Claim> change) {
        Claim current = claims.get(id);
        if (current == null) {
            throw ClaimService.notFound(id);
        }
        Claim next = Objects.requireNonNull(change.apply(current), "change returned null");
        if (!next.claimId().equals(id)) {
            throw new IllegalArgumentException("change returned another claim");
        }
        claims.put(id, next);
        return next;
    }

    @Override
    public synchronized List<Claim> list(ClaimStatus status, String customerId) {
        return claims.values().stream()
                .filter(c -> status == null || c.status() == status)
                .filter(c -> customerId == null || c.customerId().equals(customerId))
                .sorted(Comparator.comparing(Claim::createdAt).thenComparing(c -> c.claimId().value()))
                .toList();
    }
}
