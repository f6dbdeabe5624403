-- Responses kept for Idempotency-Key retries, written in the same transaction as the events.

CREATE TABLE ledger_idempotency (
    scope text NOT NULL,
    key text NOT NULL,
    fingerprint text NOT NULL,
    status integer NOT NULL,
    resource_type text NOT NULL,
    resource_id uuid NOT NULL,
    version bigint NOT NULL,
    body bytea NOT NULL,
    position bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

CREATE INDEX ledger_idempotency_created_at_idx ON ledger_idempotency (created_at);
