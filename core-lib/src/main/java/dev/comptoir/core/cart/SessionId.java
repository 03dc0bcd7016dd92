package dev.comptoir.core.cart;

import dev.comptoir.core.ComptoirException;

/**
 * The key of a cart: the shopper's session id, 1 to 128 visible characters.
 *
 * @param value the id as sent by the client
 */
public record SessionId(String value) {
    /** Longest accepted id. */
    public static final int MAX_LENGTH = 128;

    public SessionId {
        if (value == null || value.isBlank()) {
            throw ComptoirException.invalid("session_id", "is required");
        }
        value = value.trim();
        if (value.length() > MAX_LENGTH) {
            throw ComptoirException.invalid("session_id", "must have at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i)) || Character.isWhitespace(value.charAt(i))) {
                throw ComptoirException.invalid("session_id", "must not contain spaces or control characters");
            }
        }
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
