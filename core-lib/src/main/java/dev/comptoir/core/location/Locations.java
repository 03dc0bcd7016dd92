package dev.comptoir.core.location;

import dev.comptoir.core.ComptoirException;
import java.util.List;
import java.util.Optional;

/**
 * The fixed organisation of Comptoir (decisions.md §2): stores 1–5 named after the brief's
 * cities, the logistics centre (6), the head office (7) and the e-commerce shop (8).
 */
public final class Locations {
    public static final LocationId MONTREAL_CENTRE = LocationId.of(1);
    public static final LocationId QUEBEC = LocationId.of(2);
    public static final LocationId SHERBROOKE = LocationId.of(3);
    public static final LocationId TROIS_RIVIERES = LocationId.of(4);
    public static final LocationId GATINEAU = LocationId.of(5);
    public static final LocationId LOGISTICS_CENTRE = LocationId.of(6);
    public static final LocationId HEAD_OFFICE = LocationId.of(7);
    public static final LocationId ECOMMERCE = LocationId.of(8);

    /** Where e-commerce reservations draw stock from unless a request names another (reference default: 1). */
    public static final LocationId DEFAULT_FULFILMENT = MONTREAL_CENTRE;

    private static final List<Location> ALL = List.of(
            new Location(MONTREAL_CENTRE, "Montréal Centre", LocationType.STORE, "350 Place Jacques-Cartier, Montréal, QC H2Y 3B3"),
            new Location(QUEBEC, "Québec", LocationType.STORE, "1 Rue des Jardins, Québec, QC G1R 4S9"),
            new Location(SHERBROOKE, "Sherbrooke", LocationType.STORE, "191 Rue du Palais, Sherbrooke, QC J1H 5H9"),
            new Location(TROIS_RIVIERES, "Trois-Rivières", LocationType.STORE, "1325 Place de l'Hôtel-de-Ville, Trois-Rivières, QC G9A 5L3"),
            new Location(GATINEAU, "Gatineau", LocationType.STORE, "25 Rue Laurier, Gatineau, QC J8X 3Y3"),
            new Location(LOGISTICS_CENTRE, "Centre logistique", LocationType.LOGISTICS_CENTRE, "8000 Boul. Métropolitain E., Anjou, QC H1K 1A1"),
            new Location(HEAD_OFFICE, "Siège social", LocationType.HEAD_OFFICE, "1100 Rue Notre-Dame O., Montréal, QC H3C 1K3"),
            new Location(ECOMMERCE, "Boutique en ligne", LocationType.ECOMMERCE, "https://comptoir.example/"));

    private Locations() {}

    /** All eight locations, ordered by id. */
    public static List<Location> all() {
        return ALL;
    }

    /** The five stores, ordered by id. */
    public static List<Location> stores() {
        return ALL.stream().filter(Location::isStore).toList();
    }

    public static Optional<Location> find(LocationId id) {
        for (Location l : ALL) { // eight locations: a loop beats building a stream on this hot path
            if (l.id().equals(id)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The location with this id, or a NOT_FOUND error naming {@code location}. */
    public static Location require(LocationId id) {
        return find(id).orElseThrow(() -> ComptoirException.notFound("location", id));
    }

    /** The location, which must be a store; otherwise an INVALID_INPUT error naming {@code field}. */
    public static Location requireStore(LocationId id, String field) {
        Location l = require(id);
        if (!l.isStore()) {
            throw ComptoirException.invalid(field, "location " + id + " is not a store");
        }
        return l;
    }
}
