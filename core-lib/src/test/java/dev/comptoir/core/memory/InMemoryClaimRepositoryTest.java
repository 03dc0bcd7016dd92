package dev.comptoir.core.memory;

import dev.comptoir.core.claim.ClaimRepository;
import dev.comptoir.core.claim.ClaimRepositoryContractTest;

class InMemoryClaimRepositoryTest extends ClaimRepositoryContractTest {
    @Override
    protected ClaimRepository create() {
        return new InMemoryClaimRepository();
    }
}
