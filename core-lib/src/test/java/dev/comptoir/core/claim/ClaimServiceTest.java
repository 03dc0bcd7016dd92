package dev.comptoir.core.claim;

import dev.comptoir.saga.VirtualClock;
import static dev.comptoir.core.customer.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.ComptoirException.Kind;
import dev.comptoir.core.memory.InMemoryClaimRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClaimServiceTest {
    private final VirtualClock clock = VirtualClock.at("2026-01-15T10:00:00Z");
    private final ClaimService claims = new ClaimService(new InMemoryClaimRepository(), clock, new SplittableRandom(8));

    private Claim defect() {
        return claims.create(NewClaim.of("customer_1", "product_defect", "Écran fissuré à la livraison", "product_123"));
    }

    @Test
    void create_validClaim_isCreatedWithUuidAndTimestamps() {
        Claim c = defect();

        assertThat(c.status()).isEqualTo(ClaimStatus.CREATED);
        assertThat(c.type()).isEqualTo(ClaimType.PRODUCT_DEFECT);
        assertThat(c.claimId().value().version()).isEqualTo(4);
        assertThat(c.createdAt()).isEqualTo(clock.instant());
        assertThat(claims.get(c.claimId())).isEqualTo(c);
    }

    @Test
    void create_sameSeed_givesSameIds() {
        ClaimService other = new ClaimService(new InMemoryClaimRepository(), clock, new SplittableRandom(8));

        assertThat(defect().claimId()).isEqualTo(other.create(NewClaim.of("c", "billing_error", "x", null)).claimId());
    }

    @Test
    void newClaim_invalidInput_throwsInvalidInputNamingTheField() {
        assertThatThrownBy(() -> NewClaim.of("customer_1", "lost_parcel", "x", null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "claim_type"));
        assertThatThrownBy(() -> NewClaim.of("customer_1", null, "x", null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "claim_type"));
        assertThatThrownBy(() -> NewClaim.of("customer_1", "product_defect", "  ", null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "description"));
        assertThatThrownBy(() -> NewClaim.of(null, "product_defect", "x", null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "customer_id"));
        assertThatThrownBy(() -> claims.assign(defect().claimId(), " "))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "agent_id"));
        assertThatThrownBy(() -> ClaimId.parse("not-a-uuid"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "claim_id"));
    }

    @Test
    void lifecycle_fullPath_stampsEveryTransition() {
        Claim c = defect();
        Instant t0 = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        claims.assign(c.claimId(), "agent-7");
        clock.advance(Duration.ofMinutes(1));
        claims.assign(c.claimId(), "agent-8");
        clock.advance(Duration.ofMinutes(1));
        claims.start(c.claimId());
        clock.advance(Duration.ofMinutes(1));
        claims.resolve(c.claimId(), "Produit remplacé");
        clock.advance(Duration.ofMinutes(1));
        Claim closed = claims.close(c.claimId());

        assertThat(closed.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(closed.assignedAgent()).isEqualTo("agent-8");
        assertThat(closed.resolution()).isEqualTo("Produit remplacé");
        assertThat(closed.assignedAt()).isEqualTo(t0.plus(Duration.ofMinutes(2)));
        assertThat(closed.startedAt()).isEqualTo(t0.plus(Duration.ofMinutes(3)));
        assertThat(closed.resolvedAt()).isEqualTo(t0.plus(Duration.ofMinutes(4)));
        assertThat(closed.closedAt()).isEqualTo(t0.plus(Duration.ofMinutes(5)));
        assertThat(closed.updatedAt()).isEqualTo(clock.instant());
        assertThat(closed.createdAt()).isEqualTo(t0);
    }

    @Test
    void start_unassignedClaim_throwsConflictWithReferenceMessage() {
        Claim c = defect();

        assertThatThrownBy(() -> claims.start(c.claimId()))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"))
                .hasMessage("Claim must be assigned before processing");
        assertThat(claims.get(c.claimId()).status()).isEqualTo(ClaimStatus.CREATED);
    }

    @Test
    void resolveAndClose_outOfOrder_throwConflict() {
        Claim c = defect();
        claims.assign(c.claimId(), "agent");

        assertThatThrownBy(() -> claims.resolve(c.claimId(), "x"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
        assertThatThrownBy(() -> claims.close(c.claimId()))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
        claims.start(c.claimId());
        assertThatThrownBy(() -> claims.assign(c.claimId(), "other"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
    }

    @Test
    void actions_unknownClaim_throwNotFound() {
        ClaimId ghost = new ClaimId(UUID.randomUUID());

        assertThatThrownBy(() -> claims.assign(ghost, "agent"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "claim"));
        assertThatThrownBy(() -> claims.get(ghost))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "claim"));
    }

    @Test
    void list_filters_byStatusAndCustomer() {
        Claim a = defect();
        Claim b = claims.create(NewClaim.of("customer_2", "service_complaint", "Attente", null));
        claims.assign(b.claimId(), "agent");

        assertThat(claims.list(null, null)).extracting(Claim::claimId).containsExactly(a.claimId(), b.claimId());
        assertThat(claims.list(ClaimStatus.ASSIGNED, null)).extracting(Claim::claimId).containsExactly(b.claimId());
        assertThat(claims.list(null, "customer_1")).extracting(Claim::claimId).containsExactly(a.claimId());
    }
}
