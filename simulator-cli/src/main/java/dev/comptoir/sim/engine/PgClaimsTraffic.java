package dev.comptoir.sim.engine;

import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.NewClaim;
import dev.comptoir.core.checkout.OrderSagaData;
import dev.comptoir.core.claimsourcing.ClaimsModule;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.refund.ClaimRefund;
import dev.comptoir.core.refund.RefundStatus;
import dev.comptoir.eventstore.bus.BusConsumer;
import dev.comptoir.eventstore.projection.CheckResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Claims of the PostgreSQL run, on one thread: a completed order chosen for a claim (its saga id
 * is {@link #offer offered} by the saga listener) gets a product claim that goes created →
 * assigned → in progress → resolved at once, then asks for a refund; the refund saga runs over
 * the bus (in memory or Redis) with events, inbox, checkpoints, refunds, adjustments,
 * notifications, audit and the claims read model on PostgreSQL. The same thread drives the
 * module ({@link ClaimsModule#pollOnce()}) and watches each requested refund until it settles.
 */
final class PgClaimsTraffic implements Runnable {
    private record Filed(ClaimId id, String correlation, String sagaId) {
    }

    private final ClaimsModule module;
    private final Function<String, Optional<OrderSagaData>> orders;
    private final LinkedBlockingQueue<String> wanted = new LinkedBlockingQueue<>();
    private final Map<String, long[]> returnsByReference;
    private final Map<String, Filed> open = new LinkedHashMap<>();
    private final List<Filed> requested = new ArrayList<>();
    private volatile boolean draining;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile long lastProgressNanos = System.nanoTime();
    private long filed;
    private long refundsCompleted;
    private long refundsRefused;
    private long refundedCents;

    PgClaimsTraffic(ClaimsModule module, Map<String, long[]> returnsByReference,
                    Function<String, Optional<OrderSagaData>> orders) {
        this.module = module;
        this.returnsByReference = returnsByReference;
        this.orders = orders;
    }

    /** Files a claim for the completed order of saga {@code sagaId} (called from saga worker threads). */
    void offer(String sagaId) {
        wanted.add(sagaId);
    }

    /** No more claims will be offered: the thread ends once every refund has settled (or {@link #stop()}). */
    void drain() {
        draining = true;
    }

    /** Ends the thread now, whatever is still open (the checker reports it). */
    void stop() {
        stopped = true;
    }

    Throwable failure() {
        return failure;
    }

    /** Nano time of the last claim filed or refund settled. */
    long lastProgressNanos() {
        return lastProgressNanos;
    }

    @Override
    public void run() {
        try {
            long rounds = 0;
            while (!stopped) {
                String w = wanted.poll();
                if (w != null) {
                    file(w);
                }
                int work = module.pollOnce();
                if ((++rounds & 15) == 0 || work == 0) {
                    settle();
                }
                if (draining && wanted.isEmpty() && open.isEmpty()) {
                    module.runUntilIdle();
                    return;
                }
                if (w == null && work == 0) {
                    String next = wanted.poll(20, TimeUnit.MILLISECONDS); // idle: wait for a claim or the bus
                    if (next != null) {
                        file(next);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void file(String sagaId) {
        OrderSagaData order = orders.apply(sagaId).orElse(null);
        if (order == null || order.lines().isEmpty()) {
            return;
        }
        filed++;
        String correlation = "claim-of-order-" + sagaId;
        Claim c = module.claims().create(NewClaim.of("customer_" + order.customerId(), "product_defect",
                "Article défectueux (commande " + sagaId + ")", Long.toString(order.lines().get(0).productId())),
                correlation);
        ClaimId id = c.claimId();
        module.claims().assign(id, "agent-" + (1 + Math.floorMod(sagaId.hashCode(), 8)), correlation);
        module.claims().start(id, correlation);
        module.claims().resolve(id, "Remboursement accordé", correlation);
        module.claims().requestRefund(id, correlation);
        Filed f = new Filed(id, correlation, sagaId);
        open.put(correlation, f);
        requested.add(f);
        lastProgressNanos = System.nanoTime();
    }

    private void settle() {
        for (Iterator<Filed> it = open.values().iterator(); it.hasNext(); ) {
            Filed f = it.next();
            ClaimRefund r = module.refunds().findByClaim(f.id()).orElse(null);
            if (r != null && r.status() != RefundStatus.PROCESSING && settled(f, r)) {
                it.remove();
                lastProgressNanos = System.nanoTime();
                if (r.status() == RefundStatus.COMPLETED) {
                    refundsCompleted++;
                    refundedCents += r.amount() == null ? 0 : r.amount().cents();
                } else {
                    refundsRefused++;
                }
            }
        }
    }

    private boolean settled(Filed f, ClaimRefund r) {
        if (r.status() != RefundStatus.COMPLETED) {
            return true;
        }
        return module.adjustments().findByClaim(f.id().toString())
                .map(a -> !"processing".equalsIgnoreCase(a.status())).orElse(false);
    }

    /** The claims invariants, after the thread ended. */
    void check(Checker checker) {
        for (Filed f : requested) {
            ClaimsTraffic.checkRefund(checker, "claim " + f.id() + " of order " + f.sagaId(),
                    module.refunds().findByClaim(f.id()).orElse(null),
                    returnsByReference.getOrDefault(f.correlation(), new long[2]));
        }
        checker.detail(Checker.CLAIMS_REFUNDED_ONCE, filed + " claims filed, " + requested.size()
                + " refunds requested, " + refundsCompleted + " refunded (" + Money.ofCents(refundedCents) + "), "
                + refundsRefused + " refused; " + module.notifications().count() + " notifications, "
                + module.audit().count() + " audit entries (on PostgreSQL)");
        module.projection().runUntilIdle();
        switch (module.projection().check()) {
            case CheckResult.Consistent c -> checker.pass(Checker.PROJECTIONS_MATCH);
            case CheckResult.Diverged d -> checker.failed(Checker.PROJECTIONS_MATCH,
                    "claims projection differs from a fresh replay at position " + d.position() + ": "
                            + d.differences().stream().limit(3).toList());
        }
        long deadLettered = module.consumers().stream().mapToLong(BusConsumer::deadLetteredCount).sum();
        checker.check(Checker.DEAD_LETTERS, open.isEmpty(), open.size()
                + " refund saga(s) never finished (messages stranded on the bus), first: "
                + open.keySet().stream().findFirst().orElse(""));
        checker.check(Checker.DEAD_LETTERS, deadLettered == 0, deadLettered
                + " bus message(s) dead-lettered by the refund saga's consumers");
        checker.detail(Checker.DEAD_LETTERS, "every refund saga message handled; " + open.size() + " stranded, "
                + deadLettered + " dead-lettered");
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

    /** Thread-safe map for the counting return stock. */
    static Map<String, long[]> newReturnsMap() {
        return new ConcurrentHashMap<>();
    }
}
