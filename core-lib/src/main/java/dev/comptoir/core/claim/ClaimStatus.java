package dev.comptoir.core.claim;

import java.util.Locale;

/** The seed's claim states, in lifecycle order ({@link ClaimStateMachine} says which moves are allowed). */
public enum ClaimStatus {
    CREATED, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED;

    /** Wire name, e.g. {@code in_progress}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @throws dev.comptoir.core.ComptoirException INVALID_INPUT naming {@code status}
     */
    public static ClaimStatus parse(String text) {
        for (ClaimStatus s : values()) {
            if (text != null && s.wireName().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw dev.comptoir.core.ComptoirException.invalid("status",
                "must be one of created, assigned, in_progress, resolved, closed; was '" + text + "'");
    }
}
