"""The import graph has no cycles, and every package keeps the public surface it declares."""

from __future__ import annotations

import importlib

import grimp
import pytest

PACKAGES = ("ledger", "projections", "runtime", "api", "cli", "demo", "evidence", "witness")


def _cycles() -> list[list[str]]:
    graph = grimp.build_graph(*PACKAGES)
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if state.get(imported) == 1:
                cycles.append([*stack[stack.index(imported) :], imported])
            elif imported not in state:
                visit(imported)
        stack.pop()
        state[module] = 2

    for module in sorted(graph.modules):
        if module not in state:
            visit(module)
    return cycles


def test_no_module_imports_itself_through_others() -> None:
    assert _cycles() == []


PUBLIC = {
    "evidence": [
        "Checkpoint",
        "CosignerKey",
        "InvalidKeyError",
        "NoteError",
        "NoteVerifier",
        "ProofError",
        "TreeHead",
        "VerificationReport",
        "VerifyKey",
        "load_trusted_checkpoint",
        "load_verify_key",
        "parse_cosigner_key",
        "parse_verifier_key",
        "verify_checkpoint_note",
        "verify_consistency",
        "verify_inclusion",
        "verify_pack",
        "verify_witnessed_checkpoint",
    ],
    "witness": [
        "LogState",
        "StateDirectory",
        "Witness",
        "WitnessKey",
        "WitnessKeyError",
        "WitnessRefusalError",
        "WitnessStateError",
        "create_witness_app",
        "origin_hash",
        "parse_submission",
        "read_witness_key",
        "write_witness_key",
    ],
    "ledger.application.app": ["LedgerApplication", "LedgerCore", "LoggedEvent", "utc_now"],
    "ledger.persistence": ["StoreConfig", "eventsourcing_env"],
    "api": ["create_app"],
}


@pytest.mark.parametrize("package", sorted(PUBLIC))
def test_a_package_exports_exactly_its_public_names(package: str) -> None:
    module = importlib.import_module(package)
    assert sorted(module.__all__) == PUBLIC[package]
    for name in module.__all__:
        assert hasattr(module, name), f"{package}.{name} is declared but missing"
