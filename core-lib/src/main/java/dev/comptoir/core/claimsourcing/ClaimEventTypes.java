package dev.comptoir.core.claimsourcing;

import dev.comptoir.core.refundsaga.RefundSagaEvent;
import dev.comptoir.eventstore.EventSerializer;
import java.util.List;

/**
 * The 11 event types of the claims and refund-saga domain and their serializer registry.
 *
 * <pre>{@code
 * EventSerializer serializer = ClaimEventTypes.serializer();
 * Object event = serializer.deserialize(recorded);   // a ClaimEvent or a RefundSagaEvent
 * }</pre>
 */
public final class ClaimEventTypes {
    /** The five claim lifecycle type names. */
    public static final List<String> CLAIM_TYPES = List.of("ReclamationCreee", "ReclamationAffectee",
            "ReclamationEnCours", "ReclamationResolue", "ReclamationCloturee");
    /** The six refund-saga type names. */
    public static final List<String> SAGA_TYPES = List.of("SagaRemboursementDemarree", "RemboursementCalcule",
            "StockMisAJour", "SagaRemboursementTerminee", "RemboursementAnnule", "SagaRemboursementEchouee");

    private ClaimEventTypes() {
    }

    /** A serializer with every claim and refund-saga event registered under its reference name. */
    public static EventSerializer serializer() {
        return register(EventSerializer.builder()).build();
    }

    /** Registers the 11 types on {@code builder} (e.g. one built with a caller's mapper). */
    public static EventSerializer.Builder register(EventSerializer.Builder builder) {
        return builder
                .register("ReclamationCreee", ClaimEvent.ReclamationCreee.class)
                .register("ReclamationAffectee", ClaimEvent.ReclamationAffectee.class)
                .register("ReclamationEnCours", ClaimEvent.ReclamationEnCours.class)
                .register("ReclamationResolue", ClaimEvent.ReclamationResolue.class)
                .register("ReclamationCloturee", ClaimEvent.ReclamationCloturee.class)
                .register("SagaRemboursementDemarree", RefundSagaEvent.SagaRemboursementDemarree.class)
                .register("RemboursementCalcule", RefundSagaEvent.RemboursementCalcule.class)
                .register("StockMisAJour", RefundSagaEvent.StockMisAJour.class)
                .register("SagaRemboursementTerminee", RefundSagaEvent.SagaRemboursementTerminee.class)
                .register("RemboursementAnnule", RefundSagaEvent.RemboursementAnnule.class)
                .register("SagaRemboursementEchouee", RefundSagaEvent.SagaRemboursementEchouee.class);
    }
}
