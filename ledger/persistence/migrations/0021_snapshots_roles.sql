-- The snapshots table, like every ledger table since 0004_roles.sql: owned by ledger_owner; the
-- service role reads and writes snapshots (derived data), nothing more.
ALTER TABLE ledger_snapshots OWNER TO ledger_owner;
GRANT SELECT, INSERT ON ledger_snapshots TO ledger_service;
