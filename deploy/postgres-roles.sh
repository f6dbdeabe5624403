#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised (docker-entrypoint-initdb.d).
# The migration (0004_roles.sql) creates the two group roles if they are missing; here they
# are created first so that the API's login role can be granted the service role.
#
#   ledger            superuser of this container (POSTGRES_USER): runs `sme-ledger migrate`
#   ledger_owner      owns the schema (no login)
#   ledger_service    SELECT/INSERT only on the log and the audit trail (no login)
#   ledger_app        the API's, the projector's and the sealer's login: a member of
#                     ledger_service, nothing more; its password is the ledger_app_password secret
set -eu
app_password=$(cat /run/secrets/ledger_app_password)
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app_password="$app_password" <<'SQL'
CREATE ROLE ledger_owner NOLOGIN;
CREATE ROLE ledger_service NOLOGIN;
CREATE ROLE ledger_app LOGIN PASSWORD :'app_password' IN ROLE ledger_service;
SQL
