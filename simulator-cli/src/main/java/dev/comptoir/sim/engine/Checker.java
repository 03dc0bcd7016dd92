package dev.comptoir.sim.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the invariants of a run: checks made incrementally while the run goes (each order
 * is settled the moment its saga ends) and at the end. Keeps, per invariant, how many checks
 * were made, how many failed, and the first failure with its virtual time.
 */
final class Checker {
    static final String STOCK_CONSERVATION = "stock-conservation";
    static final String INVENTORY_JOURNAL = "inventory-journal";
    static final String NO_OPEN_RESERVATION = "no-open-reservation";
    static final String SAGAS_TERMINAL = "sagas-terminal";
    static final String COMPENSATION_RESTORED = "compensation-restored";
    static final String CHARGED_ONCE = "charged-once";
    static final String MONEY_BALANCE = "money-balance";
    static final String CLAIMS_REFUNDED_ONCE = "claims-refunded-once";
    static final String PROJECTIONS_MATCH = "projections-match-replay";
    static final String DEAD_LETTERS = "dead-letters-explained";

    /** The invariants, in report order. */
    static final List<String> ALL = List.of(STOCK_CONSERVATION, INVENTORY_JOURNAL, NO_OPEN_RESERVATION,
            SAGAS_TERMINAL, COMPENSATION_RESTORED, CHARGED_ONCE, MONEY_BALANCE, CLAIMS_REFUNDED_ONCE,
            PROJECTIONS_MATCH, DEAD_LETTERS);

    private static final class Tally {
        long checks;
        long failures;
        String first;
        String detail = "";
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final VirtualClock clock;
    private String firstFailure;

    Checker(VirtualClock clock) {
        this.clock = clock;
        for (String name : ALL) {
            tallies.put(name, new Tally());
        }
    }

    /** Records one check; {@code failure} describes what went wrong when {@code ok} is false. */
    void check(String invariant, boolean ok, String failure) {
        Tally t = tallies.get(invariant);
        t.checks++;
        if (!ok) {
            fail(t, invariant, failure);
        }
    }

    /** Records a passed check without building a message (the hot path). */
    void pass(String invariant) {
        tallies.get(invariant).checks++;
    }

    /** Records a failed check. */
    void failed(String invariant, String failure) {
        Tally t = tallies.get(invariant);
        t.checks++;
        fail(t, invariant, failure);
    }

    private void fail(Tally t, String invariant, String failure) {
        t.failures++;
        if (t.first == null) {
            t.first = "t=" + String.format("%.3fs", clock.elapsedMillis() / 1000.0) + " " + failure;
        }
        if (firstFailure == null) {
            firstFailure = invariant + ": " + t.first;
        }
    }

    /** Sets the figures shown beside an invariant. */
    void detail(String invariant, String detail) {
        tallies.get(invariant).detail = detail;
    }

    long failures(String invariant) {
        return tallies.get(invariant).failures;
    }

    boolean allHold() {
        return firstFailure == null;
    }

    /** The first violation of the run, or {@code null}. */
    String firstFailure() {
        return firstFailure;
    }

    List<InvariantResult> results() {
        List<InvariantResult> out = new ArrayList<>();
        tallies.forEach((name, t) -> {
            String figures = t.detail.isEmpty() ? t.checks + " checks" : t.detail;
            if (t.failures == 0) {
                out.add(new InvariantResult(name, true, figures, null));
            } else {
                out.add(new InvariantResult(name, false, t.failures + " of " + t.checks + " checks failed; " + figures,
                        t.first));
            }
        });
        return out;
    }
}
