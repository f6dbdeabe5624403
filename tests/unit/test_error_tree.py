"""The error tree: every error has its own code, is in the documented tree, and answers HTTP
with a 4xx/503 unless it is meant to be a server fault."""

from __future__ import annotations

import importlib
import pkgutil

import ledger.domain.errors as errors
from api.problems import status_for
from ledger.domain.errors import LedgerError

PACKAGES = ("ledger", "projections", "runtime", "api", "cli", "demo", "evidence")

# Errors that are faults of the operator's set-up or of the store, never of a request: they
# reach a terminal (the command line, a worker's log), and over HTTP they would be a 500.
MEANT_TO_BE_SERVER_FAULTS = {
    "ledger_error",  # the base class itself
    "schema_not_ready",  # run `sme-ledger migrate`
    "migration_error",
    "seal_integrity",  # the Merkle tree does not match the log: an alarm, not a request error
    "seal_conflict",
    "seal_key_invalid",
    "demo_already_seeded",
    "demo_year_out_of_range",
}


def _every_error() -> list[type[LedgerError]]:
    for name in PACKAGES:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, f"{name}."):
            importlib.import_module(module.name)
    found: list[type[LedgerError]] = []
    pending: list[type[LedgerError]] = [LedgerError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


def test_every_error_has_a_code_of_its_own() -> None:
    by_code: dict[str, list[str]] = {}
    for cls in _every_error():
        by_code.setdefault(cls.code, []).append(cls.__qualname__)
    assert {c: names for c, names in by_code.items() if len(names) > 1} == {}


def test_every_error_answers_http_with_a_client_or_availability_status_unless_meant_not_to() -> (
    None
):
    server_faults = {cls.code for cls in _every_error() if status_for(cls("detail")) == 500}
    assert server_faults == MEANT_TO_BE_SERVER_FAULTS


def test_the_package_docstring_draws_every_error_of_the_tree_and_exports_it() -> None:
    doc = errors.__doc__ or ""
    tree_names: set[str] = set()
    for line in doc.splitlines():
        words = line.replace("├──", " ").replace("└──", " ").replace("│", " ").split()
        tree_names.update(w.rstrip(",") for w in words if w.rstrip(",").endswith("Error"))
    defined = {
        cls.__name__ for cls in _every_error() if cls.__module__.startswith("ledger.domain.errors")
    }
    assert defined - tree_names == set(), "errors missing from the tree in the docstring"
    assert tree_names - defined == set(), "the docstring names errors that do not exist"
    assert defined == set(errors.__all__)
