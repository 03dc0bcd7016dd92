package dev.comptoir.core.claimsourcing;

import dev.comptoir.eventstore.Pollable;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.memory.InMemoryAuditLog;
import dev.comptoir.core.memory.InMemoryNotificationLog;
import dev.comptoir.core.memory.InMemoryRefundRepository;
import dev.comptoir.core.memory.InMemoryRefundSagaAdjustments;
import dev.comptoir.core.refund.RefundCalculator;
import dev.comptoir.core.refund.RefundRepository;
import dev.comptoir.core.refundsaga.AuditSubscriber;
import dev.comptoir.core.refundsaga.CatalogueReturnStock;
import dev.comptoir.core.refundsaga.NotificationSubscriber;
import dev.comptoir.core.refundsaga.RefundInventoryParticipant;
import dev.comptoir.core.refundsaga.RefundPaymentParticipant;
import dev.comptoir.core.refundsaga.RefundSagaFaults;
import dev.comptoir.core.refundsaga.spi.AuditLog;
import dev.comptoir.core.refundsaga.spi.NotificationLog;
import dev.comptoir.core.refundsaga.spi.ReturnStock;
import dev.comptoir.core.refundsaga.spi.StockAdjustments;
import dev.comptoir.eventstore.EventSerializer;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.RecordedEvent;
import dev.comptoir.eventstore.bus.BusConsumer;
import dev.comptoir.eventstore.bus.EventMessages;
import dev.comptoir.eventstore.bus.Inbox;
import dev.comptoir.eventstore.bus.Inboxes;
import dev.comptoir.eventstore.bus.MessageBuses;
import dev.comptoir.eventstore.bus.StreamNaming;
import dev.comptoir.eventstore.outbox.CheckpointStores;
import dev.comptoir.eventstore.outbox.OutboxRelay;
import dev.comptoir.eventstore.projection.InMemoryProjectionRunner;
import dev.comptoir.eventstore.projection.ProjectionRunner;
import dev.comptoir.eventstore.projection.Projections;
import dev.comptoir.eventstore.spi.CheckpointStore;
import dev.comptoir.eventstore.spi.MessageBus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Wiring of the event-driven claims part: event-sourced claims, the outbox relay (event store →
 * bus streams {@code events:<type>} + {@code events:all}), the refund saga's participants and the
 * notification and audit subscribers as bus consumers (each de-duplicating by event id through
 * an inbox), and the claims projection. Everything is driven step by step by
 * {@link #pollOnce()} / {@link #runUntilIdle()}, or by the caller's threads.
 *
 * <pre>{@code
 * ClaimsModule claims = ClaimsModule.inMemory(clock, new SplittableRandom(seed), inventory, Locations.DEFAULT_FULFILMENT);
 * Claim c = claims.claims().create(NewClaim.of("customer_1", "product_defect", "Cassé", "product_123"), null);
 * ... assign, start, resolve ...
 * claims.claims().requestRefund(c.claimId(), "refund-1");
 * claims.runUntilIdle();                               // relay, participants, subscribers, projection
 * claims.refunds().findByClaim(c.claimId());           // completed
 * }</pre>
 */
public final class ClaimsModule implements Pollable, AutoCloseable {
    private final EventStore store;
    private final EventSerializer serializer;
    private final EventSourcedClaims claims;
    private final MessageBus bus;
    private final OutboxRelay relay;
    private final List<BusConsumer> consumers;
    private final ProjectionRunner projection;
    private final InMemoryProjectionRunner<ClaimReadModel> memoryProjection;
    private final RefundPaymentParticipant payment;
    private final RefundInventoryParticipant inventory;
    private final RefundRepository refunds;
    private final StockAdjustments adjustments;
    private final NotificationLog notifications;
    private final AuditLog audit;

    private ClaimsModule(Builder b) {
        this.store = b.store;
        this.serializer = b.serializer;
        this.claims = new EventSourcedClaims(store, serializer, b.clock, b.random);
        this.bus = b.bus != null ? b.bus : MessageBuses.inMemory(b.clock);
        this.refunds = b.refunds;
        this.adjustments = b.adjustments;
        this.notifications = b.notifications;
        this.audit = b.audit;
        CheckpointStore checkpoints = b.checkpoints != null ? b.checkpoints : CheckpointStores.inMemory();
        this.relay = OutboxRelay.builder(store, bus).name("claims-outbox").naming(StreamNaming.perTypeAndAll("events"))
                .checkpoints(checkpoints).build();
        this.payment = new RefundPaymentParticipant(refunds, b.calculator, store, serializer, b.clock, b.random);
        this.inventory = new RefundInventoryParticipant(b.returnStock, adjustments, store, serializer, b.clock, b.random);
        NotificationSubscriber notify = new NotificationSubscriber(notifications, store, serializer, b.clock);
        AuditSubscriber auditor = new AuditSubscriber(audit, serializer, b.clock);
        Inbox inbox = b.inbox != null ? b.inbox : Inboxes.inMemory();
        this.consumers = List.of(
                consumer(b, inbox, RefundPaymentParticipant.GROUP, RefundPaymentParticipant.CONSUMER,
                        RefundPaymentParticipant.STREAMS, payment::handle),
                consumer(b, inbox, RefundInventoryParticipant.GROUP, RefundInventoryParticipant.CONSUMER,
                        RefundInventoryParticipant.STREAMS, inventory::handle),
                consumer(b, inbox, NotificationSubscriber.GROUP, NotificationSubscriber.CONSUMER, List.of("events:all"),
                        notify::handle),
                consumer(b, inbox, AuditSubscriber.GROUP, AuditSubscriber.CONSUMER, List.of("events:all"),
                        auditor::handle));
        if (b.projection != null) {
            this.projection = b.projection;
            this.memoryProjection = null;
        } else {
            this.memoryProjection = Projections.inMemory(store, new ClaimsProjection(serializer), ClaimReadModel::new,
                    b.clock);
            this.projection = memoryProjection;
        }
        faults(b.faults);
    }

    private BusConsumer consumer(Builder b, Inbox inbox, String group, String name, List<String> streams,
                                 Consumer<RecordedEvent> handler) {
        return BusConsumer.builder(bus, group, name).streams(streams.toArray(String[]::new))
                .claimIdleAfter(b.claimIdleAfter)
                .handler(m -> {
                    RecordedEvent e = EventMessages.fromFields(m.fields());
                    inbox.runOnce(group, e.eventId().toString(), () -> handler.accept(e));
                })
                .build();
    }

    /** A builder over {@code store}; refunds are recorded in {@code refunds}. */
    public static Builder builder(EventStore store, RefundRepository refunds) {
        return new Builder(store, refunds);
    }

    /**
     * Everything in memory: event store, bus, inbox, refunds, adjustments, notifications, audit,
     * projection. Catalogue products go back to {@code location} through {@code inventory} (may
     * be null: the reference's own stock table only).
     */
    public static ClaimsModule inMemory(Clock clock, RandomGenerator random, InventoryService inventory,
                                        LocationId location) {
        return builder(EventStore.inMemory(clock), new InMemoryRefundRepository()).clock(clock).random(random)
                .returnStock(CatalogueReturnStock.at(inventory, location)).build();
    }

    /** Sets the injected failure rates of the refund saga. */
    public void faults(RefundSagaFaults faults) {
        Objects.requireNonNull(faults, "faults");
        payment.failureRate(faults.paymentFailureRate());
        inventory.failureRate(faults.inventoryFailureRate());
    }

    /**
     * One step of everything: relay one batch, poll each consumer once (refund payment, refund
     * inventory, notification, audit), apply one projection batch.
     *
     * @return how much work was done (0 when idle)
     */
    @Override
    public int pollOnce() {
        int n = relay.pollOnce();
        for (BusConsumer c : consumers) {
            n += c.pollOnce();
        }
        n += projection.pollOnce();
        return n;
    }

    /** Claim commands and queries. */
    public EventSourcedClaims claims() {
        return claims;
    }

    /** The event store. */
    public EventStore store() {
        return store;
    }

    /** The serializer of the 11 event types. */
    public EventSerializer serializer() {
        return serializer;
    }

    /** The bus. */
    public MessageBus bus() {
        return bus;
    }

    /** The outbox relay. */
    public OutboxRelay relay() {
        return relay;
    }

    /** The four consumers (refund payment, refund inventory, notification, audit). */
    public List<BusConsumer> consumers() {
        return consumers;
    }

    /** The claims projection runner. */
    public ProjectionRunner projection() {
        return projection;
    }

    /** The in-memory claims read model; throws when the projection is not in memory. */
    public ClaimReadModel readModel() {
        if (memoryProjection == null) {
            throw new IllegalStateException("the claims projection of this module is not in memory");
        }
        return memoryProjection.readModel();
    }

    /** Refund records (refund-payment participant). */
    public RefundRepository refunds() {
        return refunds;
    }

    /** Stock adjustments (refund-inventory participant). */
    public StockAdjustments adjustments() {
        return adjustments;
    }

    /** Sent notifications. */
    public NotificationLog notifications() {
        return notifications;
    }

    /** Audit trail. */
    public AuditLog audit() {
        return audit;
    }

    /** Stops consumers, relay and projection threads if any were started by the caller. */
    @Override
    public void close() {
        consumers.forEach(BusConsumer::close);
        relay.close();
        projection.close();
    }

    /**
     * Configures a {@link ClaimsModule}; in-memory defaults for everything but the event store and
     * the refund repository.
     */
    public static final class Builder {
        private final EventStore store;
        private final RefundRepository refunds;
        private EventSerializer serializer = ClaimEventTypes.serializer();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();
        private MessageBus bus;
        private Inbox inbox;
        private CheckpointStore checkpoints;
        private RefundCalculator calculator = RefundCalculator.withoutCatalogue();
        private ReturnStock returnStock = CatalogueReturnStock.at(null, LocationId.of(1));
        private StockAdjustments adjustments = new InMemoryRefundSagaAdjustments();
        private NotificationLog notifications = new InMemoryNotificationLog();
        private AuditLog audit = new InMemoryAuditLog();
        private ProjectionRunner projection;
        private RefundSagaFaults faults = RefundSagaFaults.NONE;
        private Duration claimIdleAfter = Duration.ofSeconds(30);

        private Builder(EventStore store, RefundRepository refunds) {
            this.store = Objects.requireNonNull(store, "store");
            this.refunds = Objects.requireNonNull(refunds, "refunds");
        }

        /** Serializer (must know {@link ClaimEventTypes}). */
        public Builder serializer(EventSerializer value) {
            this.serializer = Objects.requireNonNull(value, "serializer");
            return this;
        }

        /** Clock of events, timestamps and the in-memory bus. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Ids and injected failures (seeded for reproducible runs). */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /** Bus (default: in memory, reliable); e.g. {@code MessageBuses.inMemory(clock, DeliveryPolicies.faulty(..), n)} or Redis. */
        public Builder bus(MessageBus value) {
            this.bus = Objects.requireNonNull(value, "bus");
            return this;
        }

        /** Inbox of the consumers (default in memory; {@code Inboxes.postgres(..)} for durability). */
        public Builder inbox(Inbox value) {
            this.inbox = Objects.requireNonNull(value, "inbox");
            return this;
        }

        /** Checkpoint of the outbox relay (default in memory; keep it with the bus's data). */
        public Builder checkpoints(CheckpointStore value) {
            this.checkpoints = Objects.requireNonNull(value, "checkpoints");
            return this;
        }

        /** Refund calculator (default: the reference's price table). */
        public Builder calculator(RefundCalculator value) {
            this.calculator = Objects.requireNonNull(value, "calculator");
            return this;
        }

        /** Where refunded units go back (default: the reference's own stock table). */
        public Builder returnStock(ReturnStock value) {
            this.returnStock = Objects.requireNonNull(value, "returnStock");
            return this;
        }

        /** Adjustment records of the refund-inventory participant. */
        public Builder adjustments(StockAdjustments value) {
            this.adjustments = Objects.requireNonNull(value, "adjustments");
            return this;
        }

        /** Notification log. */
        public Builder notifications(NotificationLog value) {
            this.notifications = Objects.requireNonNull(value, "notifications");
            return this;
        }

        /** Audit log. */
        public Builder audit(AuditLog value) {
            this.audit = Objects.requireNonNull(value, "audit");
            return this;
        }

        /** Claims projection runner (default: in memory into {@link ClaimReadModel}). */
        public Builder projection(ProjectionRunner value) {
            this.projection = Objects.requireNonNull(value, "projection");
            return this;
        }

        /** Injected failures (default none). */
        public Builder faults(RefundSagaFaults value) {
            this.faults = Objects.requireNonNull(value, "faults");
            return this;
        }

        /** How long a message may stay pending before another poll takes it over (default 30 s). */
        public Builder claimIdleAfter(Duration value) {
            this.claimIdleAfter = Objects.requireNonNull(value, "claimIdleAfter");
            return this;
        }

        /** Builds the module. */
        public ClaimsModule build() {
            return new ClaimsModule(this);
        }
    }
}
