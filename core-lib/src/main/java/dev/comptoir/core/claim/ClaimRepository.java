package dev.comptoir.core.claim;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Port: where claims are stored. Thread-safe; {@link #update} is atomic per claim. */
public interface ClaimRepository {

    /**
     * Stores a new claim.
     *
     * @throws dev.comptoir.core.ComptoirException CONFLICT when its id exists
     */
    void insert(Claim claim);

    /** The claim with this id. */
    Optional<Claim> find(ClaimId id);

    /**
     * Atomically replaces the claim by {@code change(current)}; if it throws nothing is written.
     *
     * @throws dev.comptoir.core.ComptoirException NOT_FOUND when absent
     */
    Claim update(ClaimId id, UnaryOperator<Claim> change);

    /** Claims, oldest first, filtered by status and/or customer when those are non-null. */
    List<Claim> list(ClaimStatus status, String customerId);
}
