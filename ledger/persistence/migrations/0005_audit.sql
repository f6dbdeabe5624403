-- Tamper evidence and the access audit trail. Every table here is append-only for everyone
-- (ALWAYS triggers, as for ledger_events); the service may only SELECT and INSERT.

CREATE FUNCTION ledger_refuse_edit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Records of the audit trail are never changed or removed.';
END
$$;
ALTER FUNCTION ledger_refuse_edit() OWNER TO ledger_owner;

-- One Merkle leaf per event, in log order. leaf_index is the tree index; position is the
-- event's notification id (ids can have gaps, the tree cannot).
CREATE TABLE ledger_merkle_leaves (
    leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
    position bigint NOT NULL UNIQUE,
    leaf_hash bytea NOT NULL CHECK (octet_length(leaf_hash) = 32)
);

-- Every complete interior node (level >= 1) over leaves
-- [node_index * 2^level, (node_index + 1) * 2^level): proofs are read, never recomputed.
CREATE TABLE ledger_merkle_nodes (
    level smallint NOT NULL CHECK (level >= 1),
    node_index bigint NOT NULL CHECK (node_index >= 0),
    hash bytea NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, node_index)
);

CREATE TABLE ledger_checkpoints (
    tree_size bigint PRIMARY KEY CHECK (tree_size >= 0),
    root_hash bytea NOT NULL CHECK (octet_length(root_hash) = 32),
    last_position bigint NOT NULL,
    sealed_at timestamptz NOT NULL,
    key_id text NOT NULL,
    signature bytea NOT NULL
);
CREATE UNIQUE INDEX ledger_checkpoints_last_position_idx ON ledger_checkpoints (last_position);

-- Public keys that signed checkpoints (auditors should still pin the key out of band).
CREATE TABLE ledger_seal_keys (
    key_id text PRIMARY KEY,
    public_key text NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now()
);

-- Who read or wrote ledger data (GB/T 22239-2019 8.1.4.3). Kept; never deleted by the service.
CREATE TABLE ledger_access_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    principal text NOT NULL,
    role text NOT NULL,
    method text NOT NULL,
    route text NOT NULL,
    resource_id text,
    status integer NOT NULL,
    request_id text NOT NULL
);
CREATE INDEX ledger_access_log_at_idx ON ledger_access_log (at);
CREATE INDEX ledger_access_log_principal_at_idx ON ledger_access_log (principal, at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['ledger_merkle_leaves', 'ledger_merkle_nodes', 'ledger_checkpoints',
                             'ledger_seal_keys', 'ledger_access_log'] LOOP
        EXECUTE format('ALTER TABLE %I OWNER TO ledger_owner', t);
        EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', t);
        EXECUTE format('GRANT SELECT, INSERT ON %I TO ledger_service', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION ledger_refuse_edit()',
                       t || '_refuse_update_delete', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_edit()',
                       t || '_refuse_truncate', t);
        EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_refuse_update_delete');
        EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_refuse_truncate');
    END LOOP;
END
$$;
GRANT USAGE ON SEQUENCE ledger_access_log_id_seq TO ledger_service;
