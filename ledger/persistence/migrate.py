"""Forward-only SQL migrations for PostgreSQL.

Each ``migrations/NNNN_name.sql`` file is applied once, in its own transaction, and recorded
with its SHA-256. A session-level advisory lock makes concurrent runs wait for each other, so
running ``sme-ledger migrate`` twice (or from two containers at once) is safe. An applied file
whose contents changed is refused: migrations are history, like the events.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import psycopg

from ledger.domain.errors import LedgerError

# An arbitrary, fixed key for pg_advisory_lock: "sme-ledger migrate".
ADVISORY_LOCK_KEY = 0x5_3_4C_4D_49_47
_FILE_PATTERN = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class MigrationError(LedgerError):
    code = "migration_error"
    title = "Migration error"


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class MigrationReport:
    applied: list[str]
    already_applied: list[str]


def default_migrations_dir() -> Traversable:
    """The migrations shipped with this package, read as package data through
    :mod:`importlib.resources`: from the source tree, a wheel or a zipped install alike."""
    return resources.files("ledger.persistence").joinpath("migrations")


def load_migrations(directory: Traversable | Path) -> list[Migration]:
    if not directory.is_dir():
        msg = f"No migrations directory at {directory}; pass --dir."
        raise MigrationError(msg)
    migrations = []
    files = (f for f in directory.iterdir() if f.name.endswith(".sql") and f.is_file())
    for file in sorted(files, key=lambda f: f.name):
        match = _FILE_PATTERN.match(file.name)
        if match is None:
            msg = f"{file.name} is not named NNNN_lower_snake_name.sql; rename it."
            raise MigrationError(msg)
        name = file.name.removesuffix(".sql")
        migrations.append(Migration(match.group(1), name, file.read_text(encoding="utf-8")))
    versions = [m.version for m in migrations]
    if len(set(versions)) != len(versions):
        msg = f"Two migration files share a version number in {directory}."
        raise MigrationError(msg)
    return migrations


def migrate(database_url: str, directory: Path | None = None) -> MigrationReport:
    """Apply every migration not yet applied; verify the checksums of those that were."""
    migrations = load_migrations(directory or default_migrations_dir())
    applied: list[str] = []
    already: list[str] = []
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (ADVISORY_LOCK_KEY,))
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS ledger_schema_migrations ("
                "version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, "
                "applied_at timestamptz NOT NULL DEFAULT now())"
            )
            rows = conn.execute("SELECT version, checksum FROM ledger_schema_migrations").fetchall()
            recorded: dict[str, str] = dict(rows)
            for migration in migrations:
                if migration.version in recorded:
                    if recorded[migration.version] != migration.checksum:
                        msg = (
                            f"Migration {migration.name} was applied with different contents "
                            "(checksum mismatch). Applied migrations are never edited: add a new "
                            "migration instead."
                        )
                        raise MigrationError(msg)
                    already.append(migration.name)
                    continue
                try:
                    with conn.transaction():
                        conn.execute(migration.sql.encode("utf-8"))
                        conn.execute(
                            "INSERT INTO ledger_schema_migrations (version, name, checksum) "
                            "VALUES (%s, %s, %s)",
                            (migration.version, migration.name, migration.checksum),
                        )
                except psycopg.Error as e:
                    msg = f"Migration {migration.name} failed and was rolled back: {e}"
                    raise MigrationError(msg) from e
                applied.append(migration.name)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (ADVISORY_LOCK_KEY,))
    return MigrationReport(applied=applied, already_applied=already)


def pending_migrations(
    database_url: str, directory: Path | None = None, *, connect_seconds: int = 5
) -> list[str]:
    """Names of migrations not yet applied (all of them on an empty database).

    Raises :class:`MigrationError` if an applied migration's file has changed since. Connecting
    gives up after ``connect_seconds``: a database that accepts the connection and then says
    nothing (a network partition) is an error, not a wait without end.
    """
    migrations = load_migrations(directory or default_migrations_dir())
    with psycopg.connect(database_url, autocommit=True, connect_timeout=connect_seconds) as conn:
        exists = conn.execute("SELECT to_regclass('ledger_schema_migrations')").fetchone()
        if exists is None or exists[0] is None:
            return [m.name for m in migrations]
        rows = conn.execute("SELECT version, checksum FROM ledger_schema_migrations").fetchall()
    recorded: dict[str, str] = dict(rows)
    for m in migrations:
        if m.version in recorded and recorded[m.version] != m.checksum:
            msg = (
                f"Migration {m.name} was applied with different contents (checksum mismatch); "
                "the schema cannot be trusted to match this code."
            )
            raise MigrationError(msg)
    return [m.name for m in migrations if m.version not in recorded]
