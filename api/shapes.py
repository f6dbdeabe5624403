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

from fastapi.datastructures import DefaultPlaceholder
from fastapi.routing import APIRoute
from pydantic import TypeAdapter


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
    schema = TypeAdapter(shape).json_schema(mode="serialization", ref_template=SCHEMAS)
    return schema, schema.pop("$defs", {})


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
