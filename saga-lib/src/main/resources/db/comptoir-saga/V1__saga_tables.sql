-- saga-lib: orchestrated sagas, their journal and the participant ledger.
-- Timers (retry backoffs, reply timeouts) are durable: a saga waits on at most one at a time,
-- kept in its own row (due_at), written in the same transaction as the transition that set it.

CREATE TABLE saga_instance (
    id                 uuid        PRIMARY KEY,
    definition_name    text        NOT NULL,
    definition_version integer     NOT NULL,
    idempotency_key    text        NOT NULL,
    state              text        NOT NULL,
    step_index         integer     NOT NULL,
    attempt            integer     NOT NULL,
    awaiting_reply     boolean     NOT NULL,
    data_type          text        NOT NULL,
    data               jsonb       NOT NULL,
    timeline           jsonb       NOT NULL,
    failure            text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    due_at             timestamptz,
    lease_owner        text,
    lease_until        timestamptz,
    version            bigint      NOT NULL,
    CONSTRAINT saga_instance_start_key UNIQUE (definition_name, idempotency_key)
);

-- what pollers scan: only sagas with a pending timer (terminal and stuck sagas have due_at NULL)
CREATE INDEX saga_instance_due ON saga_instance (due_at) WHERE due_at IS NOT NULL;
-- operator views: non-terminal sagas by state
CREATE INDEX saga_instance_open ON saga_instance (state, created_at)
    WHERE state IN ('RUNNING', 'COMPENSATING', 'STUCK');

CREATE TABLE saga_journal (
    saga_id    uuid        NOT NULL,
    version    bigint      NOT NULL,
    state      text        NOT NULL,
    step_index integer     NOT NULL,
    attempt    integer     NOT NULL,
    at         timestamptz NOT NULL,
    step       text,
    step_state text,
    error      text,
    PRIMARY KEY (saga_id, version)
);

CREATE TABLE saga_participant_ledger (
    idempotency_key text        PRIMARY KEY,
    outcome         text        NOT NULL,  -- APPLIED | TOMBSTONE
    result          jsonb,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
