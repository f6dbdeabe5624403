"""Generate the client's operations and models from the service's OpenAPI document.

``openapi.json`` beside this script is the client's contract, kept in the repository (an API
change shows in its diff). ``make client`` writes it again from the document the service serves
(built from the code, as ``GET /openapi.json`` answers it) and generates the code; installing
for the tests (``make .venv/.installed``) generates the code from the kept document alone
(``--stored``). The code, ``sme_ledger_client/openapi``, is written by openapi-python-client
(in a virtualenv of its own: its pins differ from the service's) and is not kept: it is the
document's, line for line.

The client's own tests check that ``openapi.json`` is still what the service serves, so an API
change that is not followed by ``make client`` fails ``make test``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOCUMENT = HERE / "openapi.json"
PACKAGE = HERE / "sme_ledger_client" / "openapi"


def client_document(document: dict[str, Any]) -> dict[str, Any]:
    """The served document as the client is generated from it.

    The changes: the ``304 Not Modified`` answers of conditional reads are left out (they have
    no body, which a generator can only type as ``Any``; the client raises
    :class:`sme_ledger_client.NotModifiedError` for them instead); binary answers of a type the
    generator does not know (an RFC 3161 ``application/timestamp-reply``) are read as bytes,
    and text answers (a scorecard's HTML or CSV) as text; and the change feed, a stream of
    Server-Sent Events that a request-and-answer client cannot read, is left to an SSE client
    (see the client's README).
    """
    shown: dict[str, Any] = json.loads(json.dumps(document))
    for path in [p for p, item in shown["paths"].items() if _streams(item)]:
        del shown["paths"][path]
    for item in shown["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            responses = operation.get("responses", {})
            responses.pop("304", None)
            for response in responses.values():
                content = response.get("content", {})
                for binary in [t for t in content if t in _BINARY]:
                    content["application/octet-stream"] = {
                        "schema": {"type": "string", "format": "binary"}
                    }
                    del content[binary]
                for media_type, described in content.items():
                    if media_type.startswith("text/"):
                        described["schema"] = {"type": "string"}
    return shown


def _streams(item: dict[str, Any]) -> bool:
    """Whether a path answers with a stream of Server-Sent Events."""
    return any(
        "text/event-stream" in response.get("content", {})
        for operation in item.values()
        if isinstance(operation, dict)
        for response in operation.get("responses", {}).values()
    )


_BINARY = frozenset({"application/timestamp-reply"})


def served_document() -> dict[str, Any]:
    """The document the service serves (the service's package must be importable)."""
    from api.app import create_app

    document: dict[str, Any] = create_app().openapi()
    return document


def write_document(path: Path = DOCUMENT) -> dict[str, Any]:
    document = client_document(served_document())
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    return document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--generator", required=True, help="the openapi-python-client executable to run"
    )
    parser.add_argument(
        "--stored", action="store_true", help="generate from openapi.json as it is kept"
    )
    arguments = parser.parse_args()
    if not arguments.stored:
        write_document()
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(  # noqa: S603 - the generator the Makefile installed
            [
                arguments.generator, "generate", "--path", str(DOCUMENT), "--meta", "none",
                "--config", str(HERE / "generator.yaml"), "--output-path", f"{scratch}/openapi",
            ],
            check=True,
        )  # fmt: skip
        shutil.rmtree(PACKAGE, ignore_errors=True)
        shutil.copytree(f"{scratch}/openapi", PACKAGE)
    written = PACKAGE.relative_to(HERE.parent.parent)
    print(f"wrote {written} from {DOCUMENT.name}")  # noqa: T201 - the script's report
    return 0


if __name__ == "__main__":
    sys.exit(main())
