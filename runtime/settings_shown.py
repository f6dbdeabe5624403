"""The effective settings as ``sme-ledger config`` shows them: secrets and URL passwords masked."""

from __future__ import annotations

from pydantic import SecretStr

from runtime.settings import Settings, variable


def effective(settings: Settings) -> dict[str, str]:
    """Every setting as its variable and value (secrets and URL passwords masked)."""
    shown = {}
    for field in Settings.model_fields:
        value = getattr(settings, field)
        if isinstance(value, SecretStr):
            text = "********"
        elif field.endswith("database_url") and isinstance(value, str):
            text = _masked_url(value)
        else:
            text = "" if value is None else str(value)
        shown[variable(field)] = text
    return shown


def _masked_url(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at or ":" not in credentials:
        return url
    user = credentials.split(":", 1)[0]
    return f"{scheme}{sep}{user}:********@{host}"
