package dev.comptoir.core.claim;

import dev.comptoir.core.ComptoirException;

/** What can be done to a claim after its creation. Each record validates its input. */
public sealed interface ClaimAction {

    /** Assign (or re-assign) an agent. */
    record Assign(String agentId) implements ClaimAction {
        public Assign {
            if (agentId == null || agentId.isBlank()) {
                throw ComptoirException.invalid("agent_id", "is required");
            }
            agentId = agentId.trim();
        }
    }

    /** Start processing. */
    record Start() implements ClaimAction {
    }

    /** Resolve with a resolution text. */
    record Resolve(String resolution) implements ClaimAction {
        public Resolve {
            if (resolution == null || resolution.isBlank()) {
                throw ComptoirException.invalid("resolution", "is required");
            }
            resolution = resolution.trim();
        }
    }

    /** Close. */
    record Close() implements ClaimAction {
    }
}
