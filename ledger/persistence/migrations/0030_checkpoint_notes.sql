-- Each checkpoint as a C2SP signed note (tlog-checkpoint text, signed-note signature by the
-- sealing key): the exact bytes served at GET /checkpoint, kept beside the checkpoint they
-- describe. Evidence, so append-only like ledger_checkpoints (0005_audit.sql). Numbered 0030
-- so that it never collides with migrations added on other branches.

CREATE TABLE ledger_checkpoint_notes (
    tree_size bigint PRIMARY KEY REFERENCES ledger_checkpoints (tree_size),
    note bytea NOT NULL
);

ALTER TABLE ledger_checkpoint_notes OWNER TO ledger_owner;
REVOKE ALL ON ledger_checkpoint_notes FROM PUBLIC;
GRANT SELECT, INSERT ON ledger_checkpoint_notes TO ledger_service;
CREATE TRIGGER ledger_checkpoint_notes_refuse_update_delete BEFORE UPDATE OR DELETE
    ON ledger_checkpoint_notes FOR EACH ROW EXECUTE FUNCTION ledger_refuse_edit();
CREATE TRIGGER ledger_checkpoint_notes_refuse_truncate BEFORE TRUNCATE
    ON ledger_checkpoint_notes FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_edit();
ALTER TABLE ledger_checkpoint_notes ENABLE ALWAYS TRIGGER ledger_checkpoint_notes_refuse_update_delete;
ALTER TABLE ledger_checkpoint_notes ENABLE ALWAYS TRIGGER ledger_checkpoint_notes_refuse_truncate;
