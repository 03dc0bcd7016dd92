package dev.comptoir.core.money;

import java.math.BigDecimal;

/**
 * Canadian provinces and territories with their sales-tax rates: the federal part (GST, or the
 * harmonised HST where the province has one) and the provincial part (QST in Québec, PST
 * elsewhere). Rates as in seed-behaviour.md §1.5.
 */
public enum Province {
    QC("0.05", "0.09975"),
    ON("0.13", "0"),
    BC("0.05", "0.07"),
    AB("0.05", "0"),
    SK("0.05", "0.06"),
    MB("0.05", "0.07"),
    NS("0.15", "0"),
    NB("0.15", "0"),
    PE("0.15", "0"),
    NL("0.15", "0"),
    YT("0.05", "0"),
    NT("0.05", "0"),
    NU("0.05", "0");

    private final BigDecimal federalRate;
    private final BigDecimal provincialRate;
    private final BigDecimal combinedRate;

    Province(String federalRate, String provincialRate) {
        this.federalRate = new BigDecimal(federalRate);
        this.provincialRate = new BigDecimal(provincialRate);
        this.combinedRate = this.federalRate.add(this.provincialRate);
    }

    /** GST (or HST) rate. */
    public BigDecimal federalRate() {
        return federalRate;
    }

    /** QST / PST rate (0 where the HST covers both). */
    public BigDecimal provincialRate() {
        return provincialRate;
    }

    /** Combined rate, e.g. 0.14975 for Québec. */
    public BigDecimal combinedRate() {
        return combinedRate;
    }

    /** Parses a two-letter code, case-insensitive; {@code null} or blank gives {@link #QC}. */
    public static Province parse(String code) {
        if (code == null || code.isBlank()) {
            return QC;
        }
        try {
            return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw dev.comptoir.core.ComptoirException.invalid("province", "unknown province '" + code + "'");
        }
    }
}
