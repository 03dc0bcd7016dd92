package dev.comptoir.core.report;

/** How bad a low-stock alert is (reference {@code niveau_critique}). */
public enum AlertLevel {
    /** Nothing available ({@code RUPTURE}). */
    OUT_OF_STOCK,
    /** At or below the threshold ({@code FAIBLE}). */
    LOW
}
