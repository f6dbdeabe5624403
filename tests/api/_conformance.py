"""Every answer the API tests receive is checked against what the OpenAPI document says it is.

A success (2xx, JSON) is validated against the schema its operation declares for its status,
strictly: an object may hold no property its schema does not name, so a field added to an
answer but not to its TypedDict fails as surely as a field the document promises and the
answer lacks. Operations that declare no schema yet are not checked.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import httpx
from jsonschema import Draft202012Validator

JSON = dict[str, Any]


def _strict(schema: Any) -> Any:
    """``schema`` with ``additionalProperties: false`` on every object that names its
    properties and says nothing of others."""
    if isinstance(schema, dict):
        shown = {k: _strict(v) for k, v in schema.items()}
        if "properties" in shown and "additionalProperties" not in shown:
            shown["additionalProperties"] = False
        return shown
    if isinstance(schema, list):
        return [_strict(v) for v in schema]
    return schema


def _pattern(template: str) -> re.Pattern[str]:
    """The paths a template such as ``/v1/complaints/{complaint_id}`` names."""
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile(
        "^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$"
    )


class Conformance:
    """Checks answers against one OpenAPI document."""

    def __init__(self, document: JSON) -> None:
        self.document = document
        self.components = _strict(copy.deepcopy(document.get("components", {})))
        # A literal path wins over a template that also matches it (…/checkpoints/latest).
        templates = sorted(document["paths"], key=lambda p: (p.count("{"), p))
        self.paths = [(_pattern(t), t) for t in templates]
        self.validators: dict[tuple[str, str, str], Draft202012Validator | None] = {}

    def validator(self, method: str, path: str, status: str) -> Draft202012Validator | None:
        key = (method, path, status)
        if key not in self.validators:
            template = next((t for pattern, t in self.paths if pattern.match(path)), None)
            operation = self.document["paths"].get(template, {}).get(method, {})
            response = operation.get("responses", {}).get(status, {})
            schema = response.get("content", {}).get("application/json", {}).get("schema")
            self.validators[key] = (
                Draft202012Validator({**_strict(schema), "components": self.components})
                if schema
                else None
            )
        return self.validators[key]

    def check(self, response: httpx.Response) -> None:
        if not 200 <= response.status_code < 300:
            return
        if response.headers.get("content-type", "").split(";")[0] != "application/json":
            return
        method, path = response.request.method.lower(), response.request.url.path
        validator = self.validator(method, path, str(response.status_code))
        if validator is None:
            return
        response.read()
        errors = sorted(validator.iter_errors(response.json()), key=lambda e: list(e.path))
        if errors:
            shown = "; ".join(
                f"at {'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in errors[:5]
            )
            status = response.status_code
            msg = f"{method.upper()} {path} answered {status} unlike its schema: {shown}"
            raise AssertionError(msg)
