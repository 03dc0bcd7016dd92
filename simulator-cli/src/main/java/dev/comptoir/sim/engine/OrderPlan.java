package dev.comptoir.sim.engine;

/**
 * What the simulation decided about one e-commerce order when it created it. Faults that must
 * not change between retries of a step (an injected shortage, a slow payment reply) are drawn
 * once, here, and looked up by saga id by the fault-injecting participants.
 */
final class OrderPlan {
    final long index;
    final String sessionId;
    final boolean injectShortage;
    final int replyLatencyMs;
    final boolean claim;
    boolean latencyServed;

    OrderPlan(long index, String sessionId, boolean injectShortage, int replyLatencyMs, boolean claim) {
        this.index = index;
        this.sessionId = sessionId;
        this.injectShortage = injectShortage;
        this.replyLatencyMs = replyLatencyMs;
        this.claim = claim;
    }
}
