-- Ordinary triggers are skipped when session_replication_role = replica (pg_restore, logical
-- replication, or any superuser who sets it), which would let history be edited. ALWAYS
-- triggers fire in every replication role.
ALTER TABLE ledger_events ENABLE ALWAYS TRIGGER ledger_events_refuse_update_delete;
ALTER TABLE ledger_events ENABLE ALWAYS TRIGGER ledger_events_refuse_truncate;
