"""HTTP API of the ledger: the only package that knows HTTP."""

from api.app import create_app

__all__ = ["create_app"]
