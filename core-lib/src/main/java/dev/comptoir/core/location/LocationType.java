package dev.comptoir.core.location;

/** What a location is (the reference's {@code TypeEntite}, plus the e-commerce shop). */
public enum LocationType {
    /** A physical store ({@code MAGASIN}). */
    STORE,
    /** The logistics centre that restocks stores ({@code CENTRE_LOGISTIQUE}). */
    LOGISTICS_CENTRE,
    /** The head office, which reads reports and manages the catalogue ({@code MAISON_MERE}). */
    HEAD_OFFICE,
    /** The e-commerce shop; it holds no stock and reserves from a fulfilment location. */
    ECOMMERCE
}
