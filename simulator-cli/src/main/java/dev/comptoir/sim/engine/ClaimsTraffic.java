package dev.comptoir.sim.engine;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.NewClaim;
import dev.comptoir.core.claimsourcing.ClaimsModule;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.StockKey;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.memory.InMemoryAuditLog;
import dev.comptoir.core.memory.InMemoryNotificationLog;
import dev.comptoir.core.memory.InMemoryRefundRepository;
import dev.comptoir.core.refund.ClaimRefund;
import dev.comptoir.core.refund.RefundStatus;
import dev.comptoir.core.refundsaga.CatalogueReturnStock;
import dev.comptoir.core.refundsaga.spi.ReturnStock;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.bus.DeliveryPolicies;
import dev.comptoir.eventstore.bus.Inboxes;
import dev.comptoir.eventstore.bus.MessageBuses;
import dev.comptoir.eventstore.projection.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Claims traffic: a share of completed orders gets a product claim that goes through core-lib's
 * event-sourced claims (created → assigned → in progress → resolved, minutes apart in virtual
 * time); a resolved claim asks for a refund, which runs the choreographed refund saga over the
 * (possibly faulty) in-memory bus, with its notification and audit subscribers and the claims
 * projection. Everything is driven by the simulation's scheduler through
 * {@link ClaimsModule#runUntilIdle()}.
 */
final class ClaimsTraffic {
    private static final long TICK_MS = 500;
    /** Virtual time a message may stay pending before another consumer claims it (see the module's builder). */
    private static final Duration CLAIM_IDLE = Duration.ofSeconds(10);
    /** Bus messages per claim, generously (about ten events, each on events:all and its type stream). */
    private static final int MESSAGES_PER_CLAIM = 24;
    /** Notifications and audit entries kept (only their counts are checked). */
    private static final int LOG_KEPT_ENTRIES = 1_000;

    private record Filed(ClaimId id, String correlation, long order) {
    }

    private final VirtualClock clock;
    private final Scheduler scheduler;
    private final SplittableRandom random;
    private final StockLedger ledger;
    private final ClaimsModule module;
    private final Map<String, long[]> returnsByReference = new HashMap<>();
    private final Map<String, Filed> open = new LinkedHashMap<>();
    private final List<Filed> requested = new ArrayList<>();
    private boolean ticking;
    private long filed;
    private long refundsCompleted;
    private long refundsRefused;
    private long refundedCents;

    ClaimsTraffic(SimulationConfig config, VirtualClock clock, Scheduler scheduler, SplittableRandom random,
                  InventoryService inventory, LocationId location, StockLedger ledger) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.random = random;
        this.ledger = ledger;
        double withhold = Math.min(1.0, config.delayRate() + config.consumerDeathRate());
        boolean faulty = config.duplicateRate() > 0 || withhold > 0 || config.reorderRate() > 0;
        ReturnStock real = CatalogueReturnStock.at(inventory, location);
        ReturnStock counted = (productId, delta, reason, reference) -> {
            long level = real.add(productId, delta, reason, reference);
            long[] r = returnsByReference.computeIfAbsent(reference, k -> new long[2]);
            r[0]++;
            r[1] += delta;
            ledger.add(StockKey.of(ProductId.of(Long.parseLong(productId)), location), StockLedger.RETURN, delta);
            return level;
        };
        // Streams are bounded like XADD MAXLEN ~: ten times what is published while a message can
        // stay pending, so trimming never drops unhandled work (if it did, the claims and dead-letter
        // invariants would report it); the shared inbox remembers far more keys than can be redelivered.
        double messagesPerSecond = config.orderRatePerSecond() * config.claimShare() * MESSAGES_PER_CLAIM;
        long streamLength = Math.max(2_000, (long) Math.ceil(messagesPerSecond * CLAIM_IDLE.toSeconds() * 10));
        this.module = ClaimsModule.builder(EventStore.inMemory(clock), new InMemoryRefundRepository())
                .clock(clock).random(random)
                .bus(MessageBuses.inMemory(clock, faulty
                        ? DeliveryPolicies.faulty(random, config.duplicateRate(), withhold, config.reorderRate())
                        : DeliveryPolicies.reliable(), streamLength))
                .inbox(Inboxes.inMemory((int) Math.min(Integer.MAX_VALUE, 16 * streamLength)))
                .notifications(new InMemoryNotificationLog(LOG_KEPT_ENTRIES))
                .audit(new InMemoryAuditLog(LOG_KEPT_ENTRIES))
                .returnStock(counted)
                .claimIdleAfter(CLAIM_IDLE)
                .build();
    }

    /** Files a product claim for a completed order; its life goes on over the next virtual minutes. */
    void file(long order, String customerId, long productId) {
        filed++;
        String correlation = "claim-of-order-" + order;
        Claim c = module.claims().create(NewClaim.of(customerId, "product_defect",
                "Article défectueux (commande " + order + ")", Long.toString(productId)), correlation);
        ClaimId id = c.claimId();
        Filed f = new Filed(id, correlation, order);
        open.put(correlation, f);
        scheduler.after(60_000 + random.nextInt(60_000), () -> {
            module.claims().assign(id, "agent-" + (1 + random.nextInt(8)), correlation);
            scheduler.after(30_000 + random.nextInt(60_000), () -> {
                module.claims().start(id, correlation);
                scheduler.after(60_000 + random.nextInt(120_000), () -> {
                    module.claims().resolve(id, "Remboursement accordé", correlation);
                    module.claims().requestRefund(id, correlation);
                    requested.add(f);
                    startTicking();
                });
            });
        });
    }

    private void startTicking() {
        if (!ticking) {
            ticking = true;
            scheduler.after(0, this::tick);
        }
    }

    private void tick() {
        module.runUntilIdle();
        for (Iterator<Filed> it = open.values().iterator(); it.hasNext(); ) {
            Filed f = it.next();
            ClaimRefund r = module.refunds().findByClaim(f.id()).orElse(null);
            if (r != null && r.status() != RefundStatus.PROCESSING && settled(f, r)) {
                it.remove();
                if (r.status() == RefundStatus.COMPLETED) {
                    refundsCompleted++;
                    refundedCents += r.amount() == null ? 0 : r.amount().cents();
                } else {
                    refundsRefused++;
                }
            }
        }
        if (open.isEmpty() && module.runUntilIdle() == 0) {
            ticking = false;
            return;
        }
        scheduler.after(TICK_MS, this::tick);
    }

    private boolean settled(Filed f, ClaimRefund r) {
        if (r.status() != RefundStatus.COMPLETED) {
            return true;
        }
        return module.adjustments().findByClaim(f.id().toString())
                .map(a -> !"processing".equalsIgnoreCase(a.status())).orElse(false);
    }

    /** True while a claim is still on its way (the run waits for it). */
    boolean busy() {
        return !open.isEmpty();
    }

    /**
     * The claims-refunded-once check of one claim that asked for a refund: a completed refund
     * adjusted its stock exactly once, any other outcome moved no stock and is settled.
     *
     * @param returns [stock adjustments made, units returned] for the claim's correlation id
     */
    static void checkRefund(Checker checker, String claim, ClaimRefund r, long[] returns) {
        if (r == null) {
            checker.failed(Checker.CLAIMS_REFUNDED_ONCE, claim + " asked for a refund that never started");
        } else if (r.status() == RefundStatus.COMPLETED) {
            checker.check(Checker.CLAIMS_REFUNDED_ONCE, returns[1] > 0 && returns[0] == 1, claim + " refunded "
                    + r.amount() + " but its stock was adjusted " + returns[0] + " time(s) by " + returns[1] + " unit(s)");
        } else {
            checker.check(Checker.CLAIMS_REFUNDED_ONCE, returns[1] == 0 && r.status() != RefundStatus.PROCESSING,
                    claim + " refund " + r.status() + " but stock moved by " + returns[1]);
        }
    }

    void check(Checker checker) {
        for (Filed f : requested) {
            checkRefund(checker, "claim " + f.id() + " of order " + f.order(),
                    module.refunds().findByClaim(f.id()).orElse(null),
                    returnsByReference.getOrDefault(f.correlation(), new long[2]));
        }
        checker.detail(Checker.CLAIMS_REFUNDED_ONCE, filed + " claims filed, " + requested.size()
                + " refunds requested, " + refundsCompleted + " refunded (" + dev.comptoir.core.money.Money.ofCents(refundedCents)
                + "), " + refundsRefused + " refused; " + module.notifications().count() + " notifications, "
                + module.audit().count() + " audit entries");
        CheckResult projection = module.projection().check();
        switch (projection) {
            case CheckResult.Consistent c -> checker.pass(Checker.PROJECTIONS_MATCH);
            case CheckResult.Diverged d -> checker.failed(Checker.PROJECTIONS_MATCH,
                    "claims projection differs from a fresh replay at position " + d.position() + ": "
                            + d.differences().stream().limit(3).toList());
        }
        checker.check(Checker.DEAD_LETTERS, open.isEmpty(), open.size()
                + " refund saga(s) never finished (messages stranded on the bus), first: " + open.keySet().stream().findFirst().orElse(""));
        checker.detail(Checker.DEAD_LETTERS, "every refund saga message handled; " + open.size() + " stranded");
    }

    Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("claimsFiled", filed);
        m.put("claimRefundsRequested", (long) requested.size());
        m.put("claimRefundsCompleted", refundsCompleted);
        m.put("claimRefundsRefused", refundsRefused);
        return m;
    }

    long refundedCents() {
        return refundedCents;
    }

    /** Digest material: the claims read model and refund figures. */
    String digest() {
        return counters() + "/" + refundedCents + "/" + module.readModel().hashCode();
    }
}
