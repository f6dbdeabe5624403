"""Where the sealer's key comes from: the environment, a file, or (embedded) generated once."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger.audit.keys import (
    SealKeyError,
    SigningKey,
    private_pem,
    resolve_signing_key,
    write_private_key,
)


def test_the_key_in_the_environment_wins_over_the_file_and_nothing_is_generated(
    tmp_path: Path,
) -> None:
    env_key, file_key = SigningKey.generate(), SigningKey.generate()
    write_private_key(tmp_path / "file.pem", file_key)

    chosen, note = resolve_signing_key(
        private_pem(env_key.private_key).decode(), tmp_path / "file.pem", tmp_path / "gen.pem"
    )

    assert chosen.key_id == env_key.key_id
    assert note is None
    assert not (tmp_path / "gen.pem").exists()


def test_without_a_configured_key_the_embedded_store_generates_one_once(tmp_path: Path) -> None:
    first, note = resolve_signing_key(None, None, tmp_path / "seal-key.pem")
    again, second_note = resolve_signing_key(None, None, tmp_path / "seal-key.pem")

    assert note is not None
    assert first.key_id in note
    assert second_note is None
    assert again.key_id == first.key_id
    assert (tmp_path / "seal-key.pem").stat().st_mode & 0o777 == 0o600


def test_production_without_a_key_is_told_how_to_make_one() -> None:
    with pytest.raises(SealKeyError, match="audit keygen"):
        resolve_signing_key(None, None, None)
