-- Two roles, so the service cannot edit what it wrote.
--
--   ledger_owner    owns the schema; nobody logs in as it. `sme-ledger migrate` runs as a
--                   superuser, or as a role with CREATEROLE that is a member of ledger_owner.
--   ledger_service  what the API, the sealer and the workers connect as (grant it to a login
--                   role): SELECT and INSERT on the log, never UPDATE, DELETE or TRUNCATE.
--
-- Roles are cluster-wide and this file runs once per database, so they are created only if
-- missing (and a concurrent creation in another database is not an error).
DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['ledger_owner', 'ledger_service'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
    -- A migrator that is not a superuser must be able to hand objects to the owner.
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT ledger_owner TO %I', current_user);
    END IF;
END
$$;

-- A new owner needs CREATE on the schema. Security-definer functions below are owned by
-- ledger_owner, never by a superuser.
GRANT USAGE, CREATE ON SCHEMA public TO ledger_owner;
ALTER TABLE ledger_events OWNER TO ledger_owner;
ALTER TABLE ledger_idempotency OWNER TO ledger_owner;
ALTER TYPE stored_event_uuid OWNER TO ledger_owner;
ALTER FUNCTION ledger_refuse_change() OWNER TO ledger_owner;

REVOKE ALL ON ledger_events, ledger_idempotency FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO ledger_service;
GRANT SELECT, INSERT ON ledger_events TO ledger_service;
GRANT USAGE ON SEQUENCE ledger_events_notification_id_seq TO ledger_service;
GRANT SELECT, INSERT ON ledger_idempotency TO ledger_service;
-- The service refuses to start while a migration is pending, so it reads this table.
GRANT SELECT ON ledger_schema_migrations TO ledger_service;

-- The library takes LOCK TABLE ... IN EXCLUSIVE MODE on every append, so that commit order is
-- notification-id order (a reader never passes over an id that commits later). PostgreSQL lets
-- only a role with UPDATE, DELETE or TRUNCATE take that lock mode; rather than grant one of
-- those, the service takes exactly that lock through this function, inside its own
-- transaction (locks are held to the end of the transaction, not of the function).
CREATE FUNCTION ledger_events_lock() RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    LOCK TABLE public.ledger_events IN EXCLUSIVE MODE;
END
$$;
ALTER FUNCTION ledger_events_lock() OWNER TO ledger_owner;
REVOKE ALL ON FUNCTION ledger_events_lock() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ledger_events_lock() TO ledger_service;
