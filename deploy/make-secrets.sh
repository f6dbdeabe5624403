#!/bin/sh
# Makes the secrets docker-compose.yml reads, once: random passwords and the database URLs
# built from them, in deploy/secrets/ (a folder only its owner opens, never committed). Run again: keeps them.
set -eu
dir=$(dirname "$0")/secrets
mkdir -p "$dir"
chmod 700 "$dir"
# Readable inside the containers (they run as another user); the folder keeps others out.
umask 022
secret() { [ -s "$dir/$1" ] || printf '%s' "$2" > "$dir/$1"; }
random() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
secret postgres_password "$(random)"
secret ledger_app_password "$(random)"
secret grafana_admin_password "$(random)"
secret migration_database_url "postgresql://ledger:$(cat "$dir/postgres_password")@postgres:5432/ledger"
secret database_url "postgresql://ledger_app:$(cat "$dir/ledger_app_password")@postgres:5432/ledger"
echo "secrets in $dir: $(ls "$dir" | tr '\n' ' ')"
