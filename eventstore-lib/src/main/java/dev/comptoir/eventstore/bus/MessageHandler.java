package dev.comptoir.eventstore.bus;

/**
 * Handles one bus message. Throwing leaves the message pending: it is redelivered (to this or
 * another consumer) after the claim idle time and dead-lettered after too many deliveries.
 * Handlers must tolerate duplicates (use an {@link Inbox}).
 */
@FunctionalInterface
public interface MessageHandler {

    /** Handles {@code message}. */
    void handle(BusMessage message) throws Exception;
}
