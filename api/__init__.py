"""HTTP API of the ledger: the only package that knows HTTP.

``create_app`` is loaded when it is first asked for, not when the package is: a command that
needs one part of the API (the HTTP protocol, a schema) does not load the whole app."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from api.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
