package dev.comptoir.core.order;

/**
 * Links from an order to the saga that placed it and to what that saga did. In Comptoir the
 * saga id is also the reservation id and the payment transaction id (decisions.md §5); each
 * field may be null.
 *
 * @param sagaId               the order saga's id
 * @param paymentTransactionId the payment's transaction id
 * @param reservationId        the stock reservation's id
 */
public record OrderReferences(String sagaId, String paymentTransactionId, String reservationId) {
    /** No references. */
    public static final OrderReferences NONE = new OrderReferences(null, null, null);

    /** All three references equal to the saga id, as the order saga does. */
    public static OrderReferences ofSaga(String sagaId) {
        return new OrderReferences(sagaId, sagaId, sagaId);
    }
}
