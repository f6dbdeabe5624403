"""`sme-ledger migrate`: each file once, with its checksum; safe to run twice, or at once."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import psycopg
import pytest

from ledger.persistence.config import StoreConfig
from ledger.persistence.migrate import (
    MigrationError,
    MigrationReport,
    default_migrations_dir,
    load_migrations,
    migrate,
    pending_migrations,
)
from runtime.bootstrap import SchemaNotReadyError, build_ledger
from tests.integration._support import race, start_line, successes

REPO = Path(__file__).resolve().parents[2]
MIGRATION_FILES = sorted((REPO / "ledger" / "persistence" / "migrations").glob("*.sql"))
MIGRATION_NAMES = [path.stem for path in MIGRATION_FILES]


def recorded_migrations(url: str) -> list[tuple[str, str, str, object]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT version, name, checksum, applied_at FROM ledger_schema_migrations "
            "ORDER BY version"
        ).fetchall()
    return [(str(v), str(n), str(c), at) for v, n, c, at in rows]


def schema_objects(url: str) -> list[tuple[str, str, int]]:
    """Name, kind and oid of everything in the public schema: a re-created object changes oid."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT relname, relkind::text, oid::int FROM pg_class "
            "WHERE relnamespace = 'public'::regnamespace "
            "UNION ALL SELECT typname, 'type', oid::int FROM pg_type "
            "WHERE typnamespace = 'public'::regnamespace AND typtype = 'c' "
            "UNION ALL SELECT tgname, 'trigger', oid::int FROM pg_trigger WHERE NOT tgisinternal "
            "ORDER BY 1"
        ).fetchall()
    return [(str(name), str(kind), int(oid)) for name, kind, oid in rows]


def copy_migrations(tmp_path: Path) -> Path:
    directory = tmp_path / "migrations"
    with resources.as_file(default_migrations_dir()) as shipped:
        shutil.copytree(shipped, directory)
    return directory


def test_the_checkout_has_migration_files_to_apply() -> None:
    assert MIGRATION_NAMES[:2] == ["0001_event_store", "0002_idempotency"]


def test_the_shipped_migrations_are_read_as_package_data_in_file_order() -> None:
    migrations = load_migrations(default_migrations_dir())

    assert [m.name for m in migrations] == MIGRATION_NAMES
    assert [m.sql for m in migrations] == [p.read_text("utf-8") for p in MIGRATION_FILES]


def test_the_migrations_are_read_from_a_zipped_install(tmp_path: Path) -> None:
    archive = tmp_path / "ledger.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted((REPO / "ledger").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, path.relative_to(REPO).as_posix())
    program = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import ledger.persistence.migrate as m;"
        "assert m.__file__.startswith(sys.argv[1]), m.__file__;"
        "print(' '.join(x.name for x in m.load_migrations(m.default_migrations_dir())))"
    )
    # -I: neither the working directory nor PYTHONPATH may bring the source tree in.
    done = subprocess.run(
        [sys.executable, "-I", "-c", program, str(archive)],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, check=False,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == MIGRATION_NAMES


def test_migrate_on_an_empty_database_applies_every_file_in_order(empty_postgres_url: str) -> None:
    report = migrate(empty_postgres_url)

    assert report == MigrationReport(applied=MIGRATION_NAMES, already_applied=[])


def test_migrate_records_each_file_with_its_name_and_sha256(empty_postgres_url: str) -> None:
    migrate(empty_postgres_url)

    recorded = [(v, n, c) for v, n, c, _ in recorded_migrations(empty_postgres_url)]
    expected = [
        (path.name[:4], path.stem, hashlib.sha256(path.read_bytes()).hexdigest())
        for path in MIGRATION_FILES
    ]
    assert recorded == expected


def test_migrate_creates_the_event_store_the_library_expects(empty_postgres_url: str) -> None:
    migrate(empty_postgres_url)

    names = {name for name, _, _ in schema_objects(empty_postgres_url)}
    assert {
        "ledger_events",
        "ledger_events_notification_id_idx",
        "stored_event_uuid",
        "ledger_idempotency",
        "ledger_events_refuse_update_delete",
        "ledger_events_refuse_truncate",
    } <= names


def test_migrate_run_twice_applies_nothing_and_changes_nothing(empty_postgres_url: str) -> None:
    migrate(empty_postgres_url)
    recorded_before = recorded_migrations(empty_postgres_url)
    objects_before = schema_objects(empty_postgres_url)

    second = migrate(empty_postgres_url)

    assert second == MigrationReport(applied=[], already_applied=MIGRATION_NAMES)
    assert recorded_migrations(empty_postgres_url) == recorded_before
    assert schema_objects(empty_postgres_url) == objects_before


def test_concurrent_migrate_runs_all_succeed_and_apply_each_file_once(
    empty_postgres_url: str,
) -> None:
    start = start_line(4)

    def run(_: int) -> MigrationReport:
        start.wait()
        return migrate(empty_postgres_url)

    results = race(start, run)

    reports = successes(results)
    assert reports == results, "every concurrent run succeeds"
    applied = sorted(name for report in reports for name in report.applied)
    assert applied == MIGRATION_NAMES
    for report in reports:
        assert sorted(report.applied + report.already_applied) == MIGRATION_NAMES
    assert [n for _, n, _, _ in recorded_migrations(empty_postgres_url)] == MIGRATION_NAMES


def test_an_applied_migration_whose_contents_changed_is_refused(
    empty_postgres_url: str, tmp_path: Path
) -> None:
    directory = copy_migrations(tmp_path)
    migrate(empty_postgres_url, directory)
    recorded_before = recorded_migrations(empty_postgres_url)
    first = directory / "0001_event_store.sql"
    first.write_text(first.read_text(encoding="utf-8") + "\n-- edited after the fact\n")
    # A new migration after the edited one must not be applied either.
    (directory / "0099_later_change.sql").write_text("CREATE TABLE later_change (id int);\n")

    with pytest.raises(MigrationError, match="0001_event_store") as excinfo:
        migrate(empty_postgres_url, directory)

    assert "checksum mismatch" in str(excinfo.value)
    assert recorded_migrations(empty_postgres_url) == recorded_before
    assert "later_change" not in {name for name, _, _ in schema_objects(empty_postgres_url)}


def test_the_ledger_will_not_start_on_a_schema_whose_applied_migration_was_edited(
    empty_postgres_url: str, tmp_path: Path
) -> None:
    directory = copy_migrations(tmp_path)
    migrate(empty_postgres_url, directory)
    first = directory / "0001_event_store.sql"
    first.write_text(first.read_text(encoding="utf-8") + "\n-- edited after the fact\n")

    with pytest.raises(MigrationError, match=r"0001_event_store.*checksum mismatch"):
        pending_migrations(empty_postgres_url, directory)


def test_a_failing_migration_leaves_nothing_of_itself_behind(
    empty_postgres_url: str, tmp_path: Path
) -> None:
    directory = copy_migrations(tmp_path)
    (directory / "0099_broken.sql").write_text(
        "CREATE TABLE half_done (id int);\nTHIS IS NOT SQL;\n"
    )

    with pytest.raises(MigrationError, match="failed and was rolled back") as excinfo:
        migrate(empty_postgres_url, directory)
    assert isinstance(excinfo.value.__cause__, psycopg.errors.SyntaxError)

    assert [n for _, n, _, _ in recorded_migrations(empty_postgres_url)] == MIGRATION_NAMES
    assert "half_done" not in {name for name, _, _ in schema_objects(empty_postgres_url)}


def test_building_the_ledger_on_an_unmigrated_database_says_to_run_migrate(
    empty_postgres_url: str,
) -> None:
    with pytest.raises(SchemaNotReadyError, match="sme-ledger migrate") as excinfo:
        build_ledger(StoreConfig(empty_postgres_url))

    assert all(name in str(excinfo.value) for name in MIGRATION_NAMES)


def test_building_the_ledger_on_a_partly_migrated_database_names_what_is_missing(
    empty_postgres_url: str, tmp_path: Path
) -> None:
    directory = copy_migrations(tmp_path)
    for path in directory.glob("*.sql"):
        if path.stem != "0001_event_store":
            path.unlink()
    migrate(empty_postgres_url, directory)

    with pytest.raises(SchemaNotReadyError, match="sme-ledger migrate") as excinfo:
        build_ledger(StoreConfig(empty_postgres_url))

    assert "0002_idempotency" in str(excinfo.value)
    assert "0001_event_store" not in str(excinfo.value)
