"""Builds the timestamping of checkpoints (ledger.audit.timestamping) from the settings."""

from __future__ import annotations

from collections.abc import Callable

from evidence.timestamp import TimestampError, load_certificates
from ledger.audit.records import AuditStore
from ledger.audit.timestamping import StampOutcome, Timestamping
from runtime.settings import Settings, SettingsError, variable

TIMESTAMPS_HELP = (
    "RFC 3161 timestamps of checkpoint notes asked of the time-stamping authority "
    "(LEDGER_TSA_URL), by outcome: obtained (verified and kept), failed (no answer in time, or "
    "an answer that did not verify; asked again later)."
)


def build_timestamping(
    settings: Settings,
    store: AuditStore,
    observe: Callable[[StampOutcome], None] | None = None,
) -> Timestamping | None:
    """What timestamps checkpoint notes at ``LEDGER_TSA_URL``; ``None`` when it is unset."""
    if settings.tsa_url is None or settings.tsa_ca_file is None:
        return None
    name = variable("tsa_ca_file")
    try:
        roots = load_certificates(settings.tsa_ca_file.read_bytes())
    except OSError as e:
        raise SettingsError([f"{name}: cannot read {settings.tsa_ca_file} ({e.strerror})"]) from e
    except TimestampError as e:
        raise SettingsError([f"{name}: {e}"]) from e
    return Timestamping(
        store,
        settings.tsa_url,
        roots=roots,
        timeout=settings.tsa_timeout_seconds,
        observe=observe,
    )
