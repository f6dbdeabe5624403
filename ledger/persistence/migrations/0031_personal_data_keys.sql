-- Keys that seal personal information (an enterprise's contact person) in the log: one live
-- AES-256 key per subject. Events hold only the key's id, the nonce and the ciphertext.
-- Erasing a subject's personal information (PIPL Art. 47) deletes its keys, in the same
-- transaction as the event that records the erasure, so nothing sealed under them can be read
-- again while the log, its Merkle leaves and every evidence pack stay as they were.
--
-- The service may read and add keys but not delete them: erasure goes through the
-- security-definer function below, which also forgets the subject's idempotency records
-- (their fingerprints hash request bodies that held the personal information).

CREATE TABLE ledger_personal_keys (
    key_id uuid PRIMARY KEY,
    subject_id uuid NOT NULL UNIQUE,
    key bytea NOT NULL CHECK (length(key) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE ledger_personal_keys OWNER TO ledger_owner;
REVOKE ALL ON ledger_personal_keys FROM PUBLIC;
GRANT SELECT, INSERT ON ledger_personal_keys TO ledger_service;

CREATE FUNCTION ledger_erase_personal_data(subject uuid) RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    erased integer;
BEGIN
    DELETE FROM public.ledger_personal_keys WHERE subject_id = subject;
    GET DIAGNOSTICS erased = ROW_COUNT;
    DELETE FROM public.ledger_idempotency WHERE resource_id = subject;
    RETURN erased;
END
$$;
ALTER FUNCTION ledger_erase_personal_data(uuid) OWNER TO ledger_owner;
REVOKE ALL ON FUNCTION ledger_erase_personal_data(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ledger_erase_personal_data(uuid) TO ledger_service;

-- Erasure finds a subject's idempotency records by their resource.
CREATE INDEX ledger_idempotency_resource_idx ON ledger_idempotency (resource_id);
