"""The generated operations are the service's: generated from the document it serves now, each
answering with a typed model, never ``Any``."""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import typing
from pathlib import Path
from types import ModuleType, UnionType
from typing import Any

import sme_ledger_client.openapi.api as operations

HERE = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", HERE / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _operation_modules() -> list[ModuleType]:
    found = []
    for info in pkgutil.walk_packages(operations.__path__, f"{operations.__name__}."):
        module = importlib.import_module(info.name)
        if hasattr(module, "sync_detailed"):
            found.append(module)
    return found


def _mentions_any(hint: Any) -> bool:
    if hint is Any:
        return True
    return any(_mentions_any(arg) for arg in typing.get_args(hint))


def test_the_client_is_generated_from_the_document_the_service_serves() -> None:
    generator = _generator()
    stored = json.loads((HERE / "openapi.json").read_text())

    served = json.loads(json.dumps(generator.client_document(generator.served_document())))

    assert stored == served, "The API changed: run `make client` and commit the result."


def test_there_is_an_operation_for_every_operation_of_the_document() -> None:
    stored = json.loads((HERE / "openapi.json").read_text())
    documented = {
        op["operationId"]
        for item in stored["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
    }

    generated = {m.__name__.rpartition(".")[2] for m in _operation_modules()}

    assert generated == documented


def test_no_operation_answers_any() -> None:
    untyped = []
    for module in _operation_modules():
        answer = typing.get_type_hints(module.sync_detailed)["return"]
        (parsed,) = typing.get_args(answer)
        if _mentions_any(parsed) or not isinstance(parsed, UnionType | type):
            untyped.append(module.__name__.rpartition(".")[2])

    assert untyped == []
