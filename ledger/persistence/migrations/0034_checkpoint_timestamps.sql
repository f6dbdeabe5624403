-- RFC 3161 timestamps of checkpoint notes (docs/audit.md, "Trusted time (RFC 3161)"): the DER
-- TimeStampResp a time-stamping authority returned for the note of a tree size, verified
-- before it is kept. Evidence, so append-only like ledger_checkpoint_notes (0030).

CREATE TABLE ledger_checkpoint_timestamps (
    tree_size bigint PRIMARY KEY REFERENCES ledger_checkpoint_notes (tree_size),
    stamped_at timestamptz NOT NULL,
    gen_time timestamptz NOT NULL,
    reply bytea NOT NULL
);

ALTER TABLE ledger_checkpoint_timestamps OWNER TO ledger_owner;
REVOKE ALL ON ledger_checkpoint_timestamps FROM PUBLIC;
GRANT SELECT, INSERT ON ledger_checkpoint_timestamps TO ledger_service;
CREATE TRIGGER ledger_checkpoint_timestamps_refuse_update_delete BEFORE UPDATE OR DELETE
    ON ledger_checkpoint_timestamps FOR EACH ROW EXECUTE FUNCTION ledger_refuse_edit();
CREATE TRIGGER ledger_checkpoint_timestamps_refuse_truncate BEFORE TRUNCATE
    ON ledger_checkpoint_timestamps FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_edit();
ALTER TABLE ledger_checkpoint_timestamps ENABLE ALWAYS TRIGGER ledger_checkpoint_timestamps_refuse_update_delete;
ALTER TABLE ledger_checkpoint_timestamps ENABLE ALWAYS TRIGGER ledger_checkpoint_timestamps_refuse_truncate;
