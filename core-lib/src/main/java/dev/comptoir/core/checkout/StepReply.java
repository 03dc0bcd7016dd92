package dev.comptoir.core.checkout;

import java.util.Objects;

/**
 * A participant's answer to one order-saga call: done, or a business refusal (declined card,
 * insufficient stock) that makes the saga compensate. Infrastructure faults are exceptions.
 *
 * <pre>{@code
 * StepReply r = ok ? StepReply.done() : StepReply.refused("Stock insuffisant");
 * }</pre>
 */
public sealed interface StepReply {

    /** The call succeeded. */
    record Done() implements StepReply {
    }

    /** A definite "no"; nothing was applied. */
    record Refused(String reason) implements StepReply {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A success. */
    static StepReply done() {
        return new Done();
    }

    /** A refusal with its reason. */
    static StepReply refused(String reason) {
        return new Refused(reason);
    }
}
