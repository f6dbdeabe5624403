-- Witness cosignatures of the checkpoint notes (C2SP tlog-cosignature, cosignature/v1): one
-- signature line per witness and checkpoint, exactly as the witness returned it, served after
-- the note's own signature at GET /checkpoint. Evidence, so append-only like the notes
-- (0030_checkpoint_notes.sql). `witness` is the witness's key name and key ID
-- (<name>+<8 hex digits>); `cosigned_at` is the time the cosignature signs.

CREATE TABLE ledger_checkpoint_cosignatures (
    tree_size bigint NOT NULL REFERENCES ledger_checkpoint_notes (tree_size),
    witness text NOT NULL,
    cosigned_at timestamptz NOT NULL,
    line text NOT NULL,
    PRIMARY KEY (tree_size, witness)
);
-- The size a witness last cosigned: where the next submission's proof starts.
CREATE INDEX ledger_checkpoint_cosignatures_witness_idx
    ON ledger_checkpoint_cosignatures (witness, tree_size);

ALTER TABLE ledger_checkpoint_cosignatures OWNER TO ledger_owner;
REVOKE ALL ON ledger_checkpoint_cosignatures FROM PUBLIC;
GRANT SELECT, INSERT ON ledger_checkpoint_cosignatures TO ledger_service;
CREATE TRIGGER ledger_checkpoint_cosignatures_refuse_update_delete BEFORE UPDATE OR DELETE
    ON ledger_checkpoint_cosignatures FOR EACH ROW EXECUTE FUNCTION ledger_refuse_edit();
CREATE TRIGGER ledger_checkpoint_cosignatures_refuse_truncate BEFORE TRUNCATE
    ON ledger_checkpoint_cosignatures FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_edit();
ALTER TABLE ledger_checkpoint_cosignatures
    ENABLE ALWAYS TRIGGER ledger_checkpoint_cosignatures_refuse_update_delete;
ALTER TABLE ledger_checkpoint_cosignatures
    ENABLE ALWAYS TRIGGER ledger_checkpoint_cosignatures_refuse_truncate;
