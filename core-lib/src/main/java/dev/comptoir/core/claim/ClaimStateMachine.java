package dev.comptoir.core.claim;

import dev.comptoir.core.ComptoirException;

/**
 * The claim lifecycle as a pure function, reusable by a state-based entity ({@link Claim}) and by
 * an event-sourced aggregate alike:
 * <pre>
 * created ──assign──▶ assigned ──start──▶ in_progress ──resolve──▶ resolved ──close──▶ closed
 *                    (assign again allowed while assigned)
 * </pre>
 *
 * <pre>{@code
 * ClaimStatus next = ClaimStateMachine.next(ClaimStatus.ASSIGNED, new ClaimAction.Start()); // IN_PROGRESS
 * }</pre>
 */
public final class ClaimStateMachine {
    private ClaimStateMachine() {
    }

    /**
     * The status after {@code action} in status {@code from}.
     *
     * @throws ComptoirException CONFLICT (field {@code status}) when the action is not allowed
     */
    public static ClaimStatus next(ClaimStatus from, ClaimAction action) {
        return switch (action) {
            case ClaimAction.Assign a -> require(from == ClaimStatus.CREATED || from == ClaimStatus.ASSIGNED,
                    ClaimStatus.ASSIGNED, "Claim can only be assigned while created or assigned, status is " + from.wireName());
            case ClaimAction.Start s -> require(from == ClaimStatus.ASSIGNED,
                    ClaimStatus.IN_PROGRESS, "Claim must be assigned before processing");
            case ClaimAction.Resolve r -> require(from == ClaimStatus.IN_PROGRESS,
                    ClaimStatus.RESOLVED, "Claim must be in progress before resolving");
            case ClaimAction.Close c -> require(from == ClaimStatus.RESOLVED,
                    ClaimStatus.CLOSED, "Claim must be resolved before closing");
        };
    }

    /** True when {@code action} is allowed in status {@code from}. */
    public static boolean allows(ClaimStatus from, ClaimAction action) {
        try {
            next(from, action);
            return true;
        } catch (ComptoirException e) {
            return false;
        }
    }

    private static ClaimStatus require(boolean ok, ClaimStatus to, String message) {
        if (!ok) {
            throw ComptoirException.conflict("status", message);
        }
        return to;
    }
}
