package dev.comptoir.core.claimsourcing;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimAction;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimStateMachine;
import dev.comptoir.core.claim.ClaimStatus;
import dev.comptoir.core.claim.NewClaim;
import dev.comptoir.core.refundsaga.RefundSagaEvent;
import dev.comptoir.eventstore.AppendResult;
import dev.comptoir.eventstore.EventMetadata;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.ExpectedVersion;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.aggregate.Aggregate;
import dev.comptoir.eventstore.aggregate.AggregateRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Event-sourced claims (the reference's claims service, seed-behaviour §4.1): one stream per
 * claim (stream id = claim id = the events' aggregate id), A2's claim state machine deciding
 * every transition, optimistic concurrency by stream version.
 *
 * <pre>{@code
 * EventSourcedClaims claims = new EventSourcedClaims(EventStore.inMemory(clock), clock, random);
 * Claim c = claims.create(NewClaim.of("customer_1", "product_defect", "Écran fissuré", "product_123"), "corr-1");
 * claims.assign(c.claimId(), "agent_7", null);
 * claims.start(c.claimId(), null);
 * claims.resolve(c.claimId(), "Remplacement", null);
 * claims.requestRefund(c.claimId(), "refund-corr-1");   // starts the refund saga
 * }</pre>
 *
 * <p>Invalid transitions throw {@link ComptoirException} CONFLICT (nothing appended); unknown
 * claims NOT_FOUND. Thread-safe.
 */
public final class EventSourcedClaims {
    /** Claim states kept in memory (a load then reads only newer events; ClaimState is immutable). */
    private static final int CACHED_CLAIMS = 10_000;
    private final EventStore store;
    private final EventSerializer serializer;
    private final AggregateRepository<ClaimState> aggregates;
    private final Clock clock;
    private final RandomGenerator random;

    /** Claims in {@code store} with ids and event ids drawn from {@code random}. */
    public EventSourcedClaims(EventStore store, Clock clock, RandomGenerator random) {
        this(store, ClaimEventTypes.serializer(), clock, random);
    }

    /** Same, with a caller's serializer (it must know {@link ClaimEventTypes}). */
    public EventSourcedClaims(EventStore store, EventSerializer serializer, Clock clock, RandomGenerator random) {
        this.store = Objects.requireNonNull(store, "store");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.aggregates = AggregateRepository.builder(store, serializer, ClaimState.class)
                .initialState(() -> ClaimState.EMPTY)
                .evolve(ClaimState::evolve)
                .cache(CACHED_CLAIMS)
                .ids(random)
                .clock(clock)
                .build();
    }

    /** Opens a claim ({@code ReclamationCreee}); {@code correlationId} may be null (a new one is drawn). */
    public Claim create(NewClaim claim, String correlationId) {
        Objects.requireNonNull(claim, "claim");
        UUID id;
        synchronized (random) {
            id = new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | Long.MIN_VALUE);
        }
        Instant now = clock.instant();
        ClaimEvent.ReclamationCreee created = new ClaimEvent.ReclamationCreee(id.toString(), claim.customerId(),
                claim.type().wireName(), claim.description(), claim.productId(), now);
        Aggregate<ClaimState> a = aggregates.execute(id.toString(), s -> {
            if (s.claim() != null) {
                throw ComptoirException.conflict("claim_id", "claim " + id + " already exists");
            }
            return List.of(created);
        }, metadata(now, correlationId));
        return a.state().claim();
    }

    /** Assigns (or re-assigns) an agent ({@code ReclamationAffectee}). */
    public Claim assign(ClaimId id, String agentId, String correlationId) {
        ClaimAction.Assign action = new ClaimAction.Assign(agentId);
        return decide(id, action, now -> new ClaimEvent.ReclamationAffectee(id.toString(), action.agentId(), now),
                correlationId);
    }

    /** Starts processing ({@code ReclamationEnCours}); the claim must be assigned. */
    public Claim start(ClaimId id, String correlationId) {
        return decide(id, new ClaimAction.Start(), now -> new ClaimEvent.ReclamationEnCours(id.toString(), now),
                correlationId);
    }

    /** Resolves ({@code ReclamationResolue}); the claim must be in progress. */
    public Claim resolve(ClaimId id, String resolution, String correlationId) {
        ClaimAction.Resolve action = new ClaimAction.Resolve(resolution);
        return decide(id, action, now -> new ClaimEvent.ReclamationResolue(id.toString(), action.resolution(), now),
                correlationId);
    }

    /** Closes ({@code ReclamationCloturee}); the claim must be resolved. */
    public Claim close(ClaimId id, String correlationId) {
        return decide(id, new ClaimAction.Close(), now -> new ClaimEvent.ReclamationCloturee(id.toString(), now),
                correlationId);
    }

    /**
     * Starts the refund saga of a resolved claim: appends {@code SagaRemboursementDemarree} to the
     * claim's stream with an event id derived from {@code correlationId}, so requesting again with
     * the same correlation id appends nothing. The claim's status does not change.
     *
     * @return true when the saga was started now, false for a duplicate request
     * @throws ComptoirException NOT_FOUND for an unknown claim; CONFLICT when it is not resolved
     */
    public boolean requestRefund(ClaimId id, String correlationId) {
        if (correlationId == null || correlationId.isBlank()) {
            throw ComptoirException.invalid("correlation_id", "is required");
        }
        Claim c = get(id);
        if (c.status() != ClaimStatus.RESOLVED) {
            throw ComptoirException.conflict("status", "Claim must be resolved before refund");
        }
        Instant now = clock.instant();
        RefundSagaEvent.SagaRemboursementDemarree started = new RefundSagaEvent.SagaRemboursementDemarree(id.toString(),
                c.customerId(), c.productId(), c.type().wireName(), c.description(), now);
        UUID eventId = UUID.nameUUIDFromBytes(("refund-saga-start:" + correlationId).getBytes(StandardCharsets.UTF_8));
        AppendResult r = store.append(id.toString(), ExpectedVersion.any(),
                serializer.envelope(eventId, started, metadata(now, correlationId)));
        return r instanceof AppendResult.Appended;
    }

    /** The claim, if it exists. */
    public Optional<Claim> find(ClaimId id) {
        return aggregates.load(Objects.requireNonNull(id, "id").toString()).state().current();
    }

    /** The claim; NOT_FOUND when absent. */
    public Claim get(ClaimId id) {
        return find(id).orElseThrow(() -> ComptoirException.notFound("claim", id));
    }

    /** Every stored event of the claim's stream (lifecycle and refund saga), oldest first. */
    public List<ClaimEnvelope> events(ClaimId id) {
        List<ClaimEnvelope> out = new ArrayList<>();
        for (RecordedEvent e : readStream(id.toString())) {
            out.add(ClaimEnvelope.of(e, serializer));
        }
        return out;
    }

    /** The claim rebuilt from its events with a timestamp at or before {@code upTo} (all when null). */
    public ReplayedClaim replay(ClaimId id, Instant upTo) {
        ReplayedClaim r = ReplayedClaim.start(id.toString());
        for (RecordedEvent e : readStream(id.toString())) {
            Instant ts = e.metadata().timestamp();
            if (upTo != null && ts.isAfter(upTo)) {
                break;
            }
            r = r.fold(e.eventId().toString(), e.type(), ts, serializer.deserialize(e));
        }
        return r;
    }

    /** The serializer in use. */
    public EventSerializer serializer() {
        return serializer;
    }

    /** The event store. */
    public EventStore store() {
        return store;
    }

    private List<RecordedEvent> readStream(String stream) {
        List<RecordedEvent> all = new ArrayList<>();
        long from = 1;
        while (true) {
            List<RecordedEvent> page = store.readStreamForward(stream, from, 500);
            all.addAll(page);
            if (page.size() < 500) {
                return all;
            }
            from = page.getLast().streamVersion() + 1;
        }
    }

    private Claim decide(ClaimId id, ClaimAction action, java.util.function.Function<Instant, ClaimEvent> event,
                         String correlationId) {
        Objects.requireNonNull(id, "id");
        Instant now = clock.instant();
        Aggregate<ClaimState> a = aggregates.execute(id.toString(), s -> {
            Claim c = s.current().orElseThrow(() -> ComptoirException.notFound("claim", id));
            ClaimStateMachine.next(c.status(), action); // CONFLICT when not allowed
            return List.of(event.apply(now));
        }, metadata(now, correlationId));
        return a.state().claim();
    }

    private EventMetadata metadata(Instant now, String correlationId) {
        String corr = correlationId;
        if (corr == null || corr.isBlank()) {
            synchronized (random) {
                corr = new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                        random.nextLong() & 0x3FFFFFFFFFFFFFFFL | Long.MIN_VALUE).toString();
            }
        }
        return EventMetadata.of(now).withCorrelationId(corr);
    }
}
