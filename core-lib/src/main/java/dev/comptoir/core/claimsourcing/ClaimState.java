package dev.comptoir.core.claimsourcing;

import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimAction;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.claim.NewClaim;
import java.util.Optional;

/**
 * State of the event-sourced claim aggregate: A2's {@link Claim} once created. Events that are
 * not claim lifecycle events (the refund saga's, which share the stream) leave it unchanged.
 *
 * <pre>{@code
 * ClaimState s = ClaimState.EMPTY.evolve(created).evolve(assigned);
 * }</pre>
 *
 * @param claim the claim, or {@code null} before {@code ReclamationCreee}
 */
public record ClaimState(Claim claim) {
    /** No claim yet. */
    public static final ClaimState EMPTY = new ClaimState(null);

    /** The claim, if created. */
    public Optional<Claim> current() {
        return Optional.ofNullable(claim);
    }

    /** The state after {@code event}. */
    public ClaimState evolve(Object event) {
        if (!(event instanceof ClaimEvent e)) {
            return this;
        }
        return switch (e) {
            case ClaimEvent.ReclamationCreee c -> new ClaimState(Claim.open(ClaimId.parse(c.claimId()),
                    new NewClaim(c.customerId(), ClaimType.parse(c.claimType()), c.description(), c.productId()),
                    c.createdAt()));
            case ClaimEvent.ReclamationAffectee a -> next(new ClaimAction.Assign(a.agentId()), a);
            case ClaimEvent.ReclamationEnCours s -> next(new ClaimAction.Start(), s);
            case ClaimEvent.ReclamationResolue r -> next(new ClaimAction.Resolve(r.resolution()), r);
            case ClaimEvent.ReclamationCloturee c -> next(new ClaimAction.Close(), c);
        };
    }

    private ClaimState next(ClaimAction action, ClaimEvent e) {
        if (claim == null) {
            throw new IllegalStateException(e.getClass().getSimpleName() + " before ReclamationCreee on claim " + e.claimId());
        }
        return new ClaimState(claim.apply(action, e.at()));
    }
}
