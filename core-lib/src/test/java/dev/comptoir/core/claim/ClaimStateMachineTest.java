package dev.comptoir.core.claim;

import static dev.comptoir.core.customer.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.ComptoirException.Kind;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimStateMachineTest {
    private static final Map<String, ClaimAction> ACTIONS = Map.of(
            "assign", new ClaimAction.Assign("agent-1"),
            "start", new ClaimAction.Start(),
            "resolve", new ClaimAction.Resolve("Produit remplacé"),
            "close", new ClaimAction.Close());

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "CREATED, assign, ASSIGNED", "CREATED, start, -", "CREATED, resolve, -", "CREATED, close, -",
            "ASSIGNED, assign, ASSIGNED", "ASSIGNED, start, IN_PROGRESS", "ASSIGNED, resolve, -", "ASSIGNED, close, -",
            "IN_PROGRESS, assign, -", "IN_PROGRESS, start, -", "IN_PROGRESS, resolve, RESOLVED", "IN_PROGRESS, close, -",
            "RESOLVED, assign, -", "RESOLVED, start, -", "RESOLVED, resolve, -", "RESOLVED, close, CLOSED",
            "CLOSED, assign, -", "CLOSED, start, -", "CLOSED, resolve, -", "CLOSED, close, -"})
    void next_everyStatusAndAction_followsTheLifecycle(ClaimStatus from, String action, String expected) {
        ClaimAction a = ACTIONS.get(action);
        if (expected.equals("-")) {
            assertThat(ClaimStateMachine.allows(from, a)).isFalse();
            assertThatThrownBy(() -> ClaimStateMachine.next(from, a))
                    .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
        } else {
            assertThat(ClaimStateMachine.allows(from, a)).isTrue();
            assertThat(ClaimStateMachine.next(from, a)).isEqualTo(ClaimStatus.valueOf(expected));
        }
    }
}
