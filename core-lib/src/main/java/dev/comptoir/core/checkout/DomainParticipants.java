package dev.comptoir.core.checkout;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.cart.CartService;
import dev.comptoir.core.cart.CartLine;
import dev.comptoir.core.cart.SessionId;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.checkout.spi.CheckoutCart;
import dev.comptoir.core.checkout.spi.CheckoutOrders;
import dev.comptoir.core.checkout.spi.CheckoutPayments;
import dev.comptoir.core.checkout.spi.CheckoutStock;
import dev.comptoir.core.checkout.spi.SagaOrderIndex;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.ReservationId;
import dev.comptoir.core.inventory.ReservationLine;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import dev.comptoir.core.order.NewOrder;
import dev.comptoir.core.order.NewOrderLine;
import dev.comptoir.core.order.Order;
import dev.comptoir.core.order.OrderAddress;
import dev.comptoir.core.order.OrderId;
import dev.comptoir.core.order.OrderReferences;
import dev.comptoir.core.order.OrderService;
import dev.comptoir.core.order.OrderStatus;
import dev.comptoir.core.payment.ChargeRequest;
import dev.comptoir.core.payment.Payment;
import dev.comptoir.core.payment.PaymentOutcome;
import dev.comptoir.core.payment.PaymentService;
import dev.comptoir.core.payment.PaymentStatus;
import dev.comptoir.core.payment.RefundPayment;
import dev.comptoir.core.payment.TransactionId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Adapters from the order saga's ports to core-lib's services (saga id = reservation id = transaction id). */
final class DomainParticipants {
    private DomainParticipants() {
    }

    /** Cart lines from {@link CartService} (a missing or expired cart is empty). */
    record Cart(CartService carts) implements CheckoutCart {
        Cart {
            Objects.requireNonNull(carts, "carts");
        }

        @Override
        public Optional<List<OrderSagaLine>> lines(String sessionId) {
            return carts.find(SessionId.of(sessionId)).map(c -> {
                List<OrderSagaLine> out = new ArrayList<>(c.lines().size());
                for (CartLine l : c.lines()) {
                    out.add(new OrderSagaLine(l.productId().value(), l.productName(), l.sku(), l.unitPrice().amount(),
                            l.quantity()));
                }
                return out;
            });
        }
    }

    /** Reservations through {@link InventoryService}; insufficient stock and stale reservations are refusals. */
    record Stock(InventoryService inventory) implements CheckoutStock {
        Stock {
            Objects.requireNonNull(inventory, "inventory");
        }

        @Override
        public StepReply reserve(String sagaId, String owner, int locationId, List<OrderSagaLine> lines) {
            List<ReservationLine> rl = new ArrayList<>(lines.size());
            for (OrderSagaLine l : lines) {
                rl.add(ReservationLine.of(ProductId.of(l.productId()), LocationId.of(locationId), l.quantity()));
            }
            try {
                inventory.reserve(ReservationId.of(sagaId), owner, rl);
                return StepReply.done();
            } catch (ComptoirException e) {
                if (e.kind() == ComptoirException.Kind.CONFLICT || e.kind() == ComptoirException.Kind.NOT_FOUND) {
                    return StepReply.refused(e.getMessage());
                }
                throw e;
            }
        }

        @Override
        public void release(String sagaId) {
            try {
                inventory.release(ReservationId.of(sagaId));
            } catch (ComptoirException e) {
                if (e.kind() != ComptoirException.Kind.NOT_FOUND) {
                    throw e;
                }
            }
        }

        @Override
        public StepReply confirm(String sagaId) {
            try {
                inventory.confirm(ReservationId.of(sagaId));
                return StepReply.done();
            } catch (ComptoirException e) {
                if (e.kind() == ComptoirException.Kind.CONFLICT || e.kind() == ComptoirException.Kind.NOT_FOUND) {
                    return StepReply.refused(e.getMessage());
                }
                throw e;
            }
        }
    }

    /** Charges and refunds through {@link PaymentService}; a decline is a refusal. */
    record Payments(PaymentService payments) implements CheckoutPayments {
        Payments {
            Objects.requireNonNull(payments, "payments");
        }

        @Override
        public StepReply charge(String sagaId, String customerId, BigDecimal amount) {
            PaymentOutcome out = payments.process(new ChargeRequest(TransactionId.of(sagaId), customerId,
                    Money.of(amount), null, null, null));
            return switch (out) {
                case PaymentOutcome.Approved a -> StepReply.done();
                case PaymentOutcome.Declined d -> StepReply.refused(d.reason() == null ? "Paiement refusé" : d.reason());
                case PaymentOutcome.InProgress p -> throw ComptoirException.unavailable(
                        "payment " + sagaId + " is still in progress", null);
            };
        }

        @Override
        public void refundAll(String sagaId, String reason) {
            TransactionId id = TransactionId.of(sagaId);
            Optional<Payment> found = payments.find(id);
            if (found.isEmpty()) {
                return;
            }
            Payment p = found.get();
            if (p.status() == PaymentStatus.AUTHORIZED) {
                payments.voidAuthorization(id);
            } else if (p.status().isRefundable() && p.refundable().isPositive()) {
                payments.refund(new RefundPayment(id, p.refundable(), reason));
            }
        }
    }

    /** Orders through {@link OrderService}, placed once per saga thanks to the {@link SagaOrderIndex}. */
    record Orders(OrderService orders, SagaOrderIndex index) implements CheckoutOrders {
        private static final Map<String, String> NO_ADDRESS = Map.of("pays", "Canada");

        Orders {
            Objects.requireNonNull(orders, "orders");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public long place(String sagaId, OrderSagaData data) {
            return index.placeOnce(sagaId, () -> orders.place(newOrder(sagaId, data)).id().value());
        }

        @Override
        public void confirm(String sagaId) {
            long id = index.find(sagaId).orElseThrow(() -> ComptoirException.notFound("order of saga", sagaId));
            Order o = orders.get(OrderId.of(id));
            if (o.status() == OrderStatus.PENDING) {
                orders.changeStatus(o.id(), OrderStatus.CONFIRMED);
            }
        }

        @Override
        public void cancel(String sagaId) {
            Optional<Long> id = index.find(sagaId);
            if (id.isEmpty()) {
                return;
            }
            Order o = orders.get(OrderId.of(id.get()));
            if (o.status() == OrderStatus.PENDING || o.status() == OrderStatus.CONFIRMED) {
                orders.cancel(o.id());
            }
        }

        @Override
        public void forget(String sagaId) {
            index.forget(sagaId);
        }

        private static NewOrder newOrder(String sagaId, OrderSagaData data) {
            List<NewOrderLine> lines = new ArrayList<>(data.lines().size());
            for (OrderSagaLine l : data.lines()) {
                String name = l.productName().isBlank() ? "Produit " + l.productId() : l.productName();
                lines.add(new NewOrderLine(ProductId.of(l.productId()), name, l.sku(), l.quantity(),
                        Money.of(l.unitPrice())));
            }
            Map<String, String> address = data.shippingAddress().isEmpty() ? NO_ADDRESS : data.shippingAddress();
            return new NewOrder(CustomerId.of(data.customerId()), lines, new OrderAddress(address), null, null,
                    Province.QC, OrderReferences.ofSaga(sagaId));
        }
    }
}
