package dev.comptoir.core.payment;

import java.util.Objects;

/**
 * What the gateway answered, kept on the payment ({@code gateway_response}).
 *
 * @param responseCode       {@code 00} approved, {@code 05} declined
 * @param responseMessage    e.g. {@code Approved}
 * @param riskScore          0..100
 * @param processorReference gateway reference, or null
 */
public record GatewayResponse(String responseCode, String responseMessage, int riskScore, String processorReference) {
    public GatewayResponse {
        Objects.requireNonNull(responseCode, "responseCode");
        Objects.requireNonNull(responseMessage, "responseMessage");
        if (riskScore < 0 || riskScore > 100) {
            throw new IllegalArgumentException("riskScore must be in 0..100, was " + riskScore);
        }
    }
}
