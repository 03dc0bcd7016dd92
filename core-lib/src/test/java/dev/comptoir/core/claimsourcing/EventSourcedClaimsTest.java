package dev.comptoir.core.claimsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimStatus;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.claim.NewClaim;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.saga.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventSourcedClaimsTest {
    private final VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
    private final EventStore store = EventStore.inMemory(clock);
    private final EventSourcedClaims claims = new EventSourcedClaims(store, clock, new SplittableRandom(3));

    private Claim open() {
        return claims.create(new NewClaim("customer_1", ClaimType.PRODUCT_DEFECT, "Écran fissuré", "product_123"), "corr-1");
    }

    @Test
    void lifecycle_createdToClosed_appendsFiveEventsInOneStream() {
        Claim c = open();
        ClaimId id = c.claimId();
        clock.advance(Duration.ofMinutes(1));
        claims.assign(id, "agent_7", null);
        clock.advance(Duration.ofMinutes(1));
        claims.start(id, null);
        clock.advance(Duration.ofMinutes(1));
        claims.resolve(id, "Remplacement", null);
        clock.advance(Duration.ofMinutes(1));
        Claim closed = claims.close(id, null);

        assertThat(closed.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(closed.assignedAgent()).isEqualTo("agent_7");
        assertThat(closed.resolution()).isEqualTo("Remplacement");
        assertThat(claims.get(id)).isEqualTo(closed);
        assertThat(claims.events(id)).extracting(ClaimEnvelope::eventType).containsExactly("ReclamationCreee",
                "ReclamationAffectee", "ReclamationEnCours", "ReclamationResolue", "ReclamationCloturee");
        ClaimEnvelope first = claims.events(id).getFirst();
        assertThat(first.aggregateId()).isEqualTo(id.toString());
        assertThat(first.correlationId()).isEqualTo("corr-1");
        assertThat(first.timestamp()).isEqualTo("2026-11-25T10:00");
        assertThat(first.data()).containsEntry("claim_id", id.toString()).containsEntry("status", "created")
                .containsEntry("customer_id", "customer_1").containsEntry("product_id", "product_123");
        assertThat(first.toMap()).containsOnlyKeys("event_id", "event_type", "aggregate_id", "data", "timestamp",
                "correlation_id");
    }

    @Test
    void start_claimNotAssigned_conflictAndNothingAppended() {
        Claim c = open();

        assertThatThrownBy(() -> claims.start(c.claimId(), null)).isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).kind()).isEqualTo(ComptoirException.Kind.CONFLICT);
        assertThatThrownBy(() -> claims.close(c.claimId(), null)).isInstanceOf(ComptoirException.class);
        assertThat(store.streamVersion(c.claimId().toString())).isEqualTo(1);
    }

    @Test
    void assign_unknownClaim_notFound() {
        ClaimId unknown = ClaimId.parse("00000000-0000-4000-8000-000000000001");

        assertThatThrownBy(() -> claims.assign(unknown, "a", null)).isInstanceOf(ComptoirException.class)
                .extracting(e -> ((ComptoirException) e).kind()).isEqualTo(ComptoirException.Kind.NOT_FOUND);
    }

    @Test
    void replay_upToMidTimestamp_stopsAtInProgressWithThreeEvents() {
        Claim c = open();
        ClaimId id = c.claimId();
        clock.advance(Duration.ofMinutes(1));
        claims.assign(id, "agent_7", null);
        clock.advance(Duration.ofMinutes(1));
        claims.start(id, null);
        Instant mid = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        claims.resolve(id, "ok", null);
        clock.advance(Duration.ofMinutes(1));
        claims.close(id, null);

        ReplayedClaim partial = claims.replay(id, mid);
        ReplayedClaim full = claims.replay(id, null);

        assertThat(partial.status()).isEqualTo("in_progress");
        assertThat(partial.eventsCount()).isEqualTo(3);
        assertThat(partial.startedAt()).isEqualTo(mid);
        assertThat(partial.resolvedAt()).isNull();
        assertThat(full.status()).isEqualTo("closed");
        assertThat(full.eventsCount()).isEqualTo(5);
        assertThat(full.updatedAt()).isEqualTo(clock.instant());
        assertThat(claims.replay(ClaimId.parse("00000000-0000-4000-8000-000000000002"), null).status())
                .isEqualTo("unknown");
    }

    @Test
    void requestRefund_resolvedClaimTwiceWithSameCorrelation_appendsOneStartEvent() {
        Claim c = open();
        ClaimId id = c.claimId();
        claims.assign(id, "a", null);
        claims.start(id, null);
        claims.resolve(id, "ok", null);

        boolean first = claims.requestRefund(id, "refund-1");
        boolean second = claims.requestRefund(id, "refund-1");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(claims.events(id)).filteredOn(e -> e.eventType().equals("SagaRemboursementDemarree")).hasSize(1);
        assertThat(claims.get(id).status()).isEqualTo(ClaimStatus.RESOLVED);
        assertThat(claims.replay(id, null).eventsCount()).isEqualTo(5);
    }

    @Test
    void requestRefund_claimNotResolved_conflict() {
        Claim c = open();

        assertThatThrownBy(() -> claims.requestRefund(c.claimId(), "r")).isInstanceOf(ComptoirException.class)
                .hasMessageContaining("resolved");
    }
}
