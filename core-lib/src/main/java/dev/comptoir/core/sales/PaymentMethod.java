package dev.comptoir.core.sales;

import dev.comptoir.core.ComptoirException;
import java.util.Locale;

/** How a store sale was paid (reference values {@code cash|credit_card|debit_card|mobile_payment}). */
public enum PaymentMethod {
    CASH,
    CREDIT_CARD,
    DEBIT_CARD,
    MOBILE_PAYMENT;

    /** The reference's wire value, e.g. {@code credit_card}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire value (case-insensitive); anything else is INVALID_INPUT naming {@code payment_method}. */
    public static PaymentMethod parse(String code) {
        if (code != null) {
            for (PaymentMethod m : values()) {
                if (m.code().equalsIgnoreCase(code.trim())) {
                    return m;
                }
            }
        }
        throw ComptoirException.invalid("payment_method",
                "must be one of cash, credit_card, debit_card, mobile_payment; was " + code);
    }
}
