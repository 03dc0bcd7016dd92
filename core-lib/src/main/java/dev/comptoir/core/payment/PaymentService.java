package dev.comptoir.core.payment;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Use-cases of payments: authorise, capture, void, one-step charge ({@link #process}), refund
 * and metrics. Charging is idempotent by transaction id: the same key again returns the first
 * outcome unchanged, even a decline (as the reference does); a key reused with another amount
 * or customer is a CONFLICT.
 *
 * <pre>{@code
 * var gateway = new SimulatedPaymentGateway(random, FailurePolicy.disabled());
 * var payments = new PaymentService(new InMemoryPaymentRepository(), gateway, clock, random);
 * switch (payments.process(request)) {
 *     case PaymentOutcome.Approved a -> ship(a.payment());
 *     case PaymentOutcome.Declined d -> tell(d.reason());
 *     case PaymentOutcome.InProgress p -> retryLater();
 * }
 * payments.refund(new RefundPayment(request.transactionId(), Money.of("10.00"), null));
 * }</pre>
 *
 * <p>Thread-safe when its ports are.
 */
public final class PaymentService {
    private static final int MAX_CAS_ATTEMPTS = 16;
    /** How long a pending payment may stay pending before another call with its key takes it over. */
    public static final Duration DEFAULT_PENDING_TIMEOUT = Duration.ofMinutes(2);

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration pendingTimeout;

    /** A service whose stuck pending payments are taken over after {@link #DEFAULT_PENDING_TIMEOUT}. */
    public PaymentService(PaymentRepository payments, PaymentGateway gateway, Clock clock, RandomGenerator random) {
        this(payments, gateway, clock, random, DEFAULT_PENDING_TIMEOUT);
    }

    /**
     * @param pendingTimeout after this long without change, a pending payment (its caller crashed
     *                       between storing the key and recording the gateway's answer) is taken
     *                       over by the next call with the same key
     */
    public PaymentService(PaymentRepository payments, PaymentGateway gateway, Clock clock, RandomGenerator random,
                          Duration pendingTimeout) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.pendingTimeout = Objects.requireNonNull(pendingTimeout, "pendingTimeout");
        if (pendingTimeout.isNegative() || pendingTimeout.isZero()) {
            throw new IllegalArgumentException("pendingTimeout must be > 0, was " + pendingTimeout);
        }
    }

    /** Authorises and captures the full amount in one step (the reference's {@code /payment/process}). */
    public PaymentOutcome process(ChargeRequest request) {
        return charge(request, true);
    }

    /** Authorises only; {@link #capture} or {@link #voidAuthorization} follows. */
    public PaymentOutcome authorize(ChargeRequest request) {
        return charge(request, false);
    }

    private PaymentOutcome charge(ChargeRequest request, boolean capture) {
        Objects.requireNonNull(request, "request");
        Optional<Payment> seen = payments.find(request.transactionId());
        Payment pending;
        if (seen.isPresent()) {
            Optional<Payment> takenOver = takeOverIfStale(seen.get(), request);
            if (takenOver.isEmpty()) {
                return replay(seen.get(), request);
            }
            pending = takenOver.get();
        } else {
            InsertResult claim = payments.insertIfAbsent(Payment.pending(request, now()));
            if (!claim.inserted()) {
                return replay(claim.payment(), request);
            }
            pending = claim.payment();
        }
        Payment done = decide(pending, request, capture);
        if (!payments.replace(pending, done)) {
            throw new IllegalStateException("payment " + pending.transactionId() + " changed while pending");
        }
        return done.status() == PaymentStatus.FAILED
                ? new PaymentOutcome.Declined(done, false)
                : new PaymentOutcome.Approved(done, false);
    }

    private Payment decide(Payment pending, ChargeRequest request, boolean capture) {
        GatewayDecision auth;
        try {
            auth = gateway.authorize(request);
        } catch (RuntimeException e) {
            return gatewayError(pending, e);
        }
        return switch (auth) {
            case GatewayDecision.Declined d -> pending.failed(Payment.DECLINED, d.reason(), d.response(), now());
            case GatewayDecision.Approved a -> {
                Payment authorized = pending.authorized(a.authorizationCode(), a.response(), now());
                yield capture ? captureWithGateway(authorized, authorized.amount()) : authorized;
            }
        };
    }

    private Payment captureWithGateway(Payment authorized, Money amount) {
        GatewayDecision c;
        try {
            c = gateway.capture(authorized, amount);
        } catch (RuntimeException e) {
            return gatewayError(authorized, e);
        }
        return switch (c) {
            case GatewayDecision.Approved a -> authorized.captured(amount, a.response(), now());
            case GatewayDecision.Declined d -> authorized.failed(Payment.DECLINED, d.reason(), d.response(), now());
        };
    }

    private Payment gatewayError(Payment p, RuntimeException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return p.failed(Payment.GATEWAY_ERROR, "Gateway error: " + msg, new GatewayResponse("96", "System error", 0, null),
                now());
    }

    private Optional<Payment> takeOverIfStale(Payment stored, ChargeRequest request) {
        Instant now = now();
        if (stored.status() != PaymentStatus.PENDING || stored.updatedAt().plus(pendingTimeout).isAfter(now)) {
            return Optional.empty();
        }
        replay(stored, request);
        Payment mine = stored.touched(now);
        return payments.replace(stored, mine) ? Optional.of(mine) : Optional.empty();
    }

    /** The clock's time at the microsecond, the precision every adapter stores. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static PaymentOutcome replay(Payment stored, ChargeRequest request) {
        if (stored.amount().compareTo(request.amount()) != 0 || !stored.customerId().equals(request.customerId())) {
            throw ComptoirException.conflict("transaction_id", "transaction " + request.transactionId()
                    + " was already used for another amount or customer");
        }
        return switch (stored.status()) {
            case PENDING -> new PaymentOutcome.InProgress(stored);
            case FAILED -> new PaymentOutcome.Declined(stored, true);
            case AUTHORIZED, COMPLETED, VOIDED, PARTIALLY_REFUNDED, REFUNDED -> new PaymentOutcome.Approved(stored, true);
        };
    }

    /**
     * Captures an authorised payment, fully when {@code amount} is null. Capturing a payment
     * that is already captured returns it unchanged.
     *
     * @throws ComptoirException NOT_FOUND; CONFLICT when not authorised; INVALID_INPUT on
     *                           {@code amount} above the authorised amount
     */
    public Payment capture(TransactionId id, Money amount) {
        Payment p = get(id);
        if (p.status().isCaptured()) {
            return p;
        }
        if (p.status() != PaymentStatus.AUTHORIZED) {
            throw ComptoirException.invalidTransition("payment " + id, p.status().wireName(), PaymentStatus.COMPLETED.wireName());
        }
        Money toCapture = amount == null ? p.amount() : amount;
        if (!toCapture.isPositive() || toCapture.compareTo(p.amount()) > 0) {
            throw ComptoirException.invalid("amount", "capture must be in (0, " + p.amount() + "], was " + toCapture);
        }
        Payment done = captureWithGateway(p, toCapture);
        if (!payments.replace(p, done)) {
            return capture(id, amount);
        }
        return done;
    }

    /**
     * Releases an authorisation (a saga's compensation). Voiding twice returns the voided payment;
     * voiding a failed payment returns it unchanged (nothing to release).
     *
     * @throws ComptoirException NOT_FOUND; CONFLICT when money was captured (refund instead)
     */
    public Payment voidAuthorization(TransactionId id) {
        Payment p = get(id);
        return switch (p.status()) {
            case VOIDED, FAILED -> p;
            case AUTHORIZED -> {
                GatewayDecision v = gateway.voidAuthorization(p);
                Payment done = p.voided(v.response(), now());
                yield payments.replace(p, done) ? done : voidAuthorization(id);
            }
            case PENDING, COMPLETED, PARTIALLY_REFUNDED, REFUNDED ->
                    throw ComptoirException.invalidTransition("payment " + id, p.status().wireName(), PaymentStatus.VOIDED.wireName());
        };
    }

    /**
     * Refunds part or all of a captured payment.
     *
     * @throws ComptoirException NOT_FOUND for an unknown payment; CONFLICT when it is not
     *                           captured (or fully refunded); INVALID_INPUT on {@code refund_amount}
     *                           above what is still refundable; PAYMENT_DECLINED if the gateway refuses
     */
    public PaymentRefund refund(RefundPayment command) {
        Objects.requireNonNull(command, "command");
        String refundId = newUuid().toString();
        for (int attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
            Payment p = get(command.originalTransactionId());
            if (!p.status().isRefundable()) {
                throw ComptoirException.conflict("status", "payment " + p.transactionId() + " is " + p.status().wireName()
                        + "; only completed payments can be refunded");
            }
            if (command.amount().compareTo(p.refundable()) > 0) {
                throw ComptoirException.invalid("refund_amount", "must be <= " + p.refundable()
                        + " (captured " + p.capturedAmount() + " − refunded " + p.refundedAmount() + "), was " + command.amount());
            }
            GatewayDecision g = gateway.refund(p, command.amount(), refundId);
            if (g instanceof GatewayDecision.Declined d) {
                throw ComptoirException.paymentDeclined(d.reason());
            }
            Instant now = now();
            GatewayDecision.Approved a = (GatewayDecision.Approved) g;
            PaymentRefund refund = new PaymentRefund(refundId, p.transactionId(), command.amount(), p.currency(),
                    command.reason(), a.authorizationCode(), a.response(), now);
            if (payments.replaceWithRefund(p, p.refunded(command.amount(), now), refund)) {
                return refund;
            }
        }
        throw ComptoirException.conflict("payment", "payment " + command.originalTransactionId()
                + " kept changing; refund not recorded");
    }

    /** The payment; NOT_FOUND when absent. */
    public Payment get(TransactionId id) {
        return payments.find(Objects.requireNonNull(id, "id"))
                .orElseThrow(() -> ComptoirException.notFound("transaction", id));
    }

    /** The payment, if it exists. */
    public Optional<Payment> find(TransactionId id) {
        return payments.find(Objects.requireNonNull(id, "id"));
    }

    /** Refunds of a payment, oldest first. */
    public List<PaymentRefund> refundsOf(TransactionId id) {
        return payments.refundsOf(id);
    }

    /** Aggregated figures. */
    public PaymentMetrics metrics() {
        return payments.metrics();
    }

    private UUID newUuid() {
        long hi;
        long lo;
        synchronized (random) {
            hi = random.nextLong();
            lo = random.nextLong();
        }
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }
}
