-- Comptoir event store (eventstore-lib). Positions are (transaction id << 20) + index in the
-- append, so "read all" can stop below the oldest running writer: see
-- docs/adr/0001-eventstore-global-order.md.
CREATE TABLE events (
    position        bigint      PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    stream_id       text        NOT NULL,
    stream_version  bigint      NOT NULL,
    event_type      text        NOT NULL,
    payload         json        NOT NULL,
    correlation_id  text,
    causation_id    text,
    headers         json,
    occurred_at     timestamptz NOT NULL,
    CONSTRAINT events_stream_version_uq UNIQUE (stream_id, stream_version),
    CONSTRAINT events_stream_version_ck CHECK (stream_version >= 1)
);

CREATE INDEX events_type_idx ON events (event_type, position);
CREATE INDEX events_correlation_idx ON events (correlation_id) WHERE correlation_id IS NOT NULL;

CREATE TABLE snapshots (
    stream_id  text        PRIMARY KEY,
    version    bigint      NOT NULL,
    state      json        NOT NULL,
    taken_at   timestamptz NOT NULL
);

-- positions of relays, subscribers and projections (projections write theirs in the same
-- transaction as their read-model rows)
CREATE TABLE checkpoints (
    name        text   PRIMARY KEY,
    position    bigint NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- exactly-once effects of bus consumers: one row per (consumer, message key)
CREATE TABLE inbox (
    consumer      text        NOT NULL,
    message_key   text        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_key)
);

-- projection runners: current read-model generation (tables <name>_g<generation>, behind a
-- view <name>), checkpoint updated in the same transaction as the read-model rows, last error
CREATE TABLE projections (
    name           text        PRIMARY KEY,
    generation     int         NOT NULL,
    position       bigint      NOT NULL,
    last_error     text,
    last_error_at  timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
