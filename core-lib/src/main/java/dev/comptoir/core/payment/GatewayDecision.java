package dev.comptoir.core.payment;

import java.util.Objects;

/** A gateway's answer to an authorisation, capture, void or refund. */
public sealed interface GatewayDecision {

    /** The gateway's response details. */
    GatewayResponse response();

    /**
     * Accepted.
     *
     * @param authorizationCode e.g. {@code AUTH_1A2B3C4D} (for refunds, the refund reference)
     * @param response          details
     */
    record Approved(String authorizationCode, GatewayResponse response) implements GatewayDecision {
        public Approved {
            Objects.requireNonNull(authorizationCode, "authorizationCode");
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * Refused.
     *
     * @param reason   human-readable reason, e.g. {@code Insufficient funds}
     * @param response details
     */
    record Declined(String reason, GatewayResponse response) implements GatewayDecision {
        public Declined {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(response, "response");
        }
    }
}
