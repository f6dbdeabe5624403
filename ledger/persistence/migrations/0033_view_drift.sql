-- The record of drift checks (projections/drift.py): each time a view was recomputed from the
-- log at the position the stored view was at and compared with it, table by table. Evidence
-- for auditors, so append-only like the audit trail (0005_audit.sql): the projection worker and
-- `sme-ledger project check-drift` connect as ledger_service, which may add rows and read
-- them, and no one may change or remove one. A check never repairs a view; a drift stays on
-- record, and a later check (after a rebuild) records that the view is whole again.
-- Numbered 0033 so that it never collides with migrations added on other branches.

CREATE TABLE ledger_view_drift (
    id bigserial PRIMARY KEY,
    checked_at timestamptz NOT NULL,
    view_name text NOT NULL,
    version integer NOT NULL,
    position bigint NOT NULL CHECK (position >= 0),
    outcome text NOT NULL CHECK (outcome IN ('ok', 'drift', 'failed')),
    -- The tables that differ, comma-separated ('' when none).
    drifting text NOT NULL,
    -- Each table compared, as a JSON array of {table, stored_rows, stored_sha256,
    -- recomputed_rows, recomputed_sha256}.
    tables text NOT NULL,
    -- Why a check failed ('' otherwise).
    detail text NOT NULL
);
CREATE INDEX ledger_view_drift_view_idx ON ledger_view_drift (view_name, id);

ALTER TABLE ledger_view_drift OWNER TO ledger_owner;
REVOKE ALL ON ledger_view_drift FROM PUBLIC;
GRANT SELECT, INSERT ON ledger_view_drift TO ledger_service;
GRANT USAGE ON SEQUENCE ledger_view_drift_id_seq TO ledger_service;
CREATE TRIGGER ledger_view_drift_refuse_update_delete BEFORE UPDATE OR DELETE
    ON ledger_view_drift FOR EACH ROW EXECUTE FUNCTION ledger_refuse_edit();
CREATE TRIGGER ledger_view_drift_refuse_truncate BEFORE TRUNCATE
    ON ledger_view_drift FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_edit();
ALTER TABLE ledger_view_drift ENABLE ALWAYS TRIGGER ledger_view_drift_refuse_update_delete;
ALTER TABLE ledger_view_drift ENABLE ALWAYS TRIGGER ledger_view_drift_refuse_truncate;
