"""LEDGER_READ_DATABASE_URL: a PostgreSQL hot standby beside a PostgreSQL primary, or refused
at start-up in one line naming the variable (and never showing the URL, which may hold a
password)."""

from __future__ import annotations

from pathlib import Path

import pytest

from runtime.settings import Settings, SettingsError
from runtime.settings_shown import effective

PRIMARY = "postgresql://ledger_app:primary-pw@db-1:5432/ledger"
STANDBY = "postgresql://ledger_app:standby-pw@db-2:5432/ledger"


def test_without_a_standby_reads_go_to_the_primary() -> None:
    assert Settings(database_url=PRIMARY).read_store is None


def test_a_standby_is_read_with_the_primarys_pool_settings() -> None:
    settings = Settings(database_url=PRIMARY, read_database_url=STANDBY, pool_size=7)

    store = settings.read_store

    assert store is not None
    assert store.database_url == STANDBY
    assert store.pool_size == 7
    assert store.pool_wait_seconds == settings.store.pool_wait_seconds


@pytest.mark.parametrize(
    ("primary", "standby", "problem"),
    [
        (
            "sqlite:///./var/ledger.sqlite",
            STANDBY,
            "LEDGER_READ_DATABASE_URL: a hot standby is read only beside a PostgreSQL "
            "LEDGER_DATABASE_URL; unset it on SQLite",
        ),
        (
            PRIMARY,
            "sqlite:///./var/copy.sqlite",
            "LEDGER_READ_DATABASE_URL: a hot standby is a PostgreSQL database (postgresql://...)",
        ),
    ],
)
def test_a_standby_that_cannot_be_one_is_refused_naming_the_variable(
    primary: str, standby: str, problem: str
) -> None:
    with pytest.raises(SettingsError) as refused:
        Settings(database_url=primary, read_database_url=standby)

    assert refused.value.problems == [problem]
    assert "standby-pw" not in str(refused.value)


def test_the_standby_url_is_shown_with_its_password_masked() -> None:
    shown = effective(Settings(database_url=PRIMARY, read_database_url=STANDBY))

    assert shown["LEDGER_READ_DATABASE_URL"] == "postgresql://ledger_app:********@db-2:5432/ledger"
    assert shown["LEDGER_DATABASE_URL"] == "postgresql://ledger_app:********@db-1:5432/ledger"


def test_the_standby_url_may_be_given_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "read-url"
    secret.write_text(STANDBY + "\n", encoding="utf-8")
    monkeypatch.setenv("LEDGER_DATABASE_URL", PRIMARY)
    monkeypatch.setenv("LEDGER_READ_DATABASE_URL_FILE", str(secret))

    assert Settings().read_database_url == STANDBY
