package dev.comptoir.core.payment;

import dev.comptoir.core.ComptoirException;

/**
 * What is kept of a card: never the full number nor the CVV.
 *
 * @param lastFour last four digits
 * @param brand    e.g. {@code VISA}
 * @param expMonth expiry month as sent
 * @param expYear  expiry year as sent
 */
public record CardDetails(String lastFour, String brand, String expMonth, String expYear) {
    public CardDetails {
        if (lastFour == null || !lastFour.matches("\\d{4}")) {
            throw ComptoirException.invalid("card_details.number", "must end with 4 digits");
        }
        brand = brand == null || brand.isBlank() ? "VISA" : brand.trim();
        expMonth = expMonth == null || expMonth.isBlank() ? "12" : expMonth.trim();
        expYear = expYear == null || expYear.isBlank() ? "2025" : expYear.trim();
    }

    /** Keeps the last four digits of {@code number} (spaces and dashes ignored). */
    public static CardDetails fromNumber(String number, String brand, String expMonth, String expYear) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{4,19}")) {
            throw ComptoirException.invalid("card_details.number", "must be 4 to 19 digits");
        }
        return new CardDetails(digits.substring(digits.length() - 4), brand, expMonth, expYear);
    }
}
