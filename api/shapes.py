"""The shapes of what succeeds, for the OpenAPI document.

A resource is shown by a ``TypedDict`` of :mod:`ledger.application.interface` (the function
that builds the view is typed by it, so the document cannot drift from the answer); a write
answers with that view and the log position of its last event. Routes return their
:class:`~fastapi.Response` as they are, so FastAPI only documents these, never re-validates.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import typing_extensions
from fastapi.datastructures import DefaultPlaceholder
from fastapi.routing import APIRoute
from pydantic import ConfigDict, TypeAdapter

_DOCUMENTED = ConfigDict(use_attribute_docstrings=True)


@cache
def written(view: Any) -> Any:
    """The answer of a write on a resource shown as ``view``: the view and the position of the
    write's last event in the log (``ComplaintView`` → ``ComplaintWritten``)."""
    name = f"{view.__name__.removesuffix('View')}Written"
    namespace = {
        "__annotations__": {"position": int},
        "__module__": view.__module__,
        "__doc__": f"{(view.__doc__ or '').strip()} With the log position of the write.",
    }
    # A TypedDict's metaclass builds a subclass as a class statement would.
    return type(view)(name, (view,), namespace)


SCHEMAS = "#/components/schemas/{model}"
_SHOWN: list[Any] = []
"""Every shape a route declared."""


@cache
def _schema(shape: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The schema of ``shape`` and the component schemas it refers to."""
    held: dict[str, Any] = {}
    _document(shape, held)
    schema = TypeAdapter(shape).json_schema(mode="serialization", ref_template=SCHEMAS)
    schemas = schema.pop("$defs", {})
    for name, typed_dict in held.items():
        _describe_inherited(schema if typed_dict is shape else schemas.get(name, {}), typed_dict)
    return schema, schemas


def _document(shape: Any, held: dict[str, Any]) -> None:
    """Let the docstring under a field of ``shape`` or of any TypedDict it holds (gathered in
    ``held`` by name) describe the field in its schema: pydantic reads a TypedDict's own
    config, not its holder's."""
    for argument in typing_extensions.get_args(shape):
        _document(argument, held)
    if not typing_extensions.is_typeddict(shape) or shape.__name__ in held:
        return
    held[shape.__name__] = shape
    if "__pydantic_config__" not in vars(shape):
        shape.__pydantic_config__ = _DOCUMENTED
    for hint in typing_extensions.get_type_hints(shape).values():
        _document(hint, held)


def _describe_inherited(schema: dict[str, Any], typed_dict: Any) -> None:
    """Describe the fields ``typed_dict`` inherits by their docstrings in the TypedDict they
    are declared in (pydantic reads only the class's own)."""
    for base in getattr(typed_dict, "__orig_bases__", ()):
        if typing_extensions.is_typeddict(base):
            inherited = _schema(base)[0].get("properties", {})
            for field, described in schema.get("properties", {}).items():
                if "description" not in described and "description" in inherited.get(field, {}):
                    described["description"] = inherited[field]["description"]


def shape_schemas(shape: Any) -> dict[str, Any]:
    """The component schemas of ``shape``: its own, under its name, and those it refers to."""
    schema, schemas = _schema(shape)
    if hasattr(shape, "__name__"):
        schemas = {**schemas, shape.__name__: schema}
    return schemas


def answer_schema(shape: Any) -> dict[str, Any]:
    """How an answer refers to ``shape``: by its component if it is a named type, else (a
    union of them) as the union itself."""
    if hasattr(shape, "__name__"):
        return {"$ref": SCHEMAS.format(model=shape.__name__)}
    return _schema(shape)[0]


def shown_schemas() -> dict[str, Any]:
    """The component schemas of every shape a route declared (for the document)."""
    schemas: dict[str, Any] = {}
    for shape in _SHOWN:
        schemas.update(shape_schemas(shape))
    return schemas


class ShapedRoute(APIRoute):
    """A route whose ``response_model`` (a TypedDict) is documented as its answer and nothing
    else: FastAPI would otherwise build a pydantic adapter of it for every app and on the first
    request of each route, which a route returning its own :class:`~fastapi.Response` never
    uses. The answer's schema is a reference to a component that :func:`shown_schemas` writes
    once per process."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        shape = options.get("response_model")
        if shape is not None and not isinstance(shape, DefaultPlaceholder):
            status = options.get("status_code") or 200
            responses = dict(options.get("responses") or {})
            answer = dict(responses.get(status, {}))
            content = dict(answer.get("content", {}))
            content["application/json"] = {"schema": answer_schema(shape)}
            answer["content"] = content
            responses[status] = answer
            _SHOWN.append(shape)
            options = {**options, "response_model": None, "responses": responses}
        super().__init__(path, endpoint, **options)
