package dev.comptoir.core.customer;

import java.util.Objects;

/**
 * Result of {@link CustomerService#login}: wrong credentials are an expected outcome, not an
 * exception. The message of {@link Rejected} never says which of email or password was wrong.
 */
public sealed interface LoginOutcome {

    /** The credentials matched an active customer (whose last-login time is now updated). */
    record Authenticated(Customer customer) implements LoginOutcome {
        public Authenticated {
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** Unknown email, wrong password or inactive account. */
    record Rejected(String message) implements LoginOutcome {
        /** The reference's message: {@code Email ou mot de passe incorrect}. */
        public static final String MESSAGE = "Email ou mot de passe incorrect";

        public Rejected {
            Objects.requireNonNull(message, "message");
        }
    }
}
