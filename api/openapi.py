"""The OpenAPI document, completed with what every route shares.

FastAPI derives each operation from its route; what is the same for every route is added here,
once, from what the operation itself declares: the problem+json answers it can give (a key → 401
and 403; a path parameter or a body → 404; a POST → 409; ``If-Match`` → 412; a body → 400, 408,
413 and 415; a body or parameters → 422; every route → 503), the headers of its answers
(``Location`` on a 201, ``Idempotent-Replayed`` where it takes ``Idempotency-Key``,
``Retry-After`` on a 503), its operationId (:func:`operation_id`), and the links from the 201
of a collection's POST to the operations on what it created (:func:`_link_creations`), which
generated stateful tests follow. FastAPI's own 422
(``HTTPValidationError``) is replaced by the problem the service really sends
(:mod:`api.problems`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from api.problems import PROBLEM_JSON
from api.shapes import shown_schemas
from api.workbook import MEDIA_TYPE as WORKBOOK

JSON = dict[str, Any]
PROBLEM_REF = "#/components/schemas/Problem"

# Path segments under /v1 that are not a resource collection: their operations keep their names.
_NOT_RESOURCES = {"audit", "events"}
_SINGULAR = {"activities": "activity"}


class FieldError(BaseModel):
    """One field of a request that does not match the schema."""

    loc: list[str] = Field(description="Where: `body`, `query`, `path` or `header`, then names")
    msg: str
    type: str


class Problem(BaseModel):
    """An error answer (RFC 9457, ``application/problem+json``) with a stable ``code``."""

    type: str = Field(examples=["urn:sme-ledger:problem:validation_failed"])
    title: str
    status: int
    detail: str = Field(description="What went wrong and what to do next")
    code: str = Field(description="Stable, for programs: e.g. `forbidden_role`, `not_found`")
    instance: str = Field(description="The path of the request")
    request_id: str | None = Field(None, description="Quote it when reporting a problem")
    context: dict[str, str | int | bool] | None = Field(
        None, description="Facts about the error, e.g. the current version of a resource"
    )
    errors: list[FieldError] | None = Field(None, description="For a validation error: each field")


def _header(description: str, example: str | None = None) -> JSON:
    schema: JSON = {"type": "string"}
    if example is not None:
        schema["examples"] = [example]
    return {"description": description, "schema": schema}


ETAG = _header('The version of the resource, for If-Match: e.g. `"3"`', '"3"')
LOCATION = _header("Where the created resource is read", "/v1/service-cases/0b7e…")
REPLAYED = _header("`true` when this is the stored answer to an earlier request with the key")
RETRY_AFTER = _header("Seconds to wait before retrying", "1")
LINK = _header('The next page, if any: `<…?after=N>; rel="next"`')
WWW_AUTHENTICATE = _header("The scheme to authenticate with", 'Bearer realm="sme-ledger"')

DIGEST_ETAG = _header(
    "A digest of this answer (weak), for If-None-Match", 'W/"3b31c3f47d0f2303b318a3b8063af31a"'
)
IF_NONE_MATCH: JSON = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "ETags the client holds (or `*`): `304 Not Modified` if one still matches "
    "(weak comparison)",
    "schema": {"type": "string"},
}
NOT_MODIFIED: JSON = {
    "description": "Not modified: the answer still has the ETag named in If-None-Match",
    "headers": {"ETag": _header("The ETag that matched")},
}

LOG_PAGE_LARGEST = 10_000
"""The largest page of the log (or the access trail) LEDGER_LOG_PAGE_LIMIT may allow."""
LOG_PAGE_LIMIT: JSON = {"x-maximum-setting": "log_page_limit"}
"""``json_schema_extra`` of a ``limit`` bounded by that setting: the document states the
setting's value as its maximum, and the route refuses a larger one."""
_MAXIMUM_SETTING = "x-maximum-setting"
# What a view's `?format=` answers besides JSON (api/views.py, table_response).
_DOWNLOADS = {"csv": "text/csv", "xlsx": WORKBOOK}
_EVENT_STREAM = "text/event-stream"

READ_HEADERS: dict[int | str, JSON] = {200: {"headers": {"ETag": ETAG}}}
"""``responses=`` of a route that answers with one resource at a version."""
PAGED_HEADERS: dict[int | str, JSON] = {200: {"headers": {"Link": LINK}}}
"""``responses=`` of a route that answers one page of a list."""

_ERRORS = {
    400: "Malformed JSON or HTTP framing, or parameters that cannot be read together",
    401: "No API key, or one that is unknown or revoked",
    403: "This key's role may not take this route, or act on this resource",
    404: "No such resource (or not one this key may see), or one the body names",
    409: "Conflicts with what is recorded (e.g. already recorded, changed meanwhile)",
    408: "The body did not arrive within LEDGER_BODY_TIMEOUT_SECONDS; the connection is closed",
    412: "If-Match names another version than the current one",
    413: "The body is larger than the service accepts",
    415: "The body is not JSON",
    422: "The request does not match the schema (`errors`), or breaks a rule (`code`)",
    503: "Overloaded, or the event store is away: retry after Retry-After",
}


def operation_id(route: APIRoute) -> str:
    """A stable, readable operationId: the route's name, with the resource it acts on.

    A name that already says the resource is kept (``list_platforms``, ``open_case``); a verb
    takes the resource after it (``approve`` on publications → ``approve_publication``,
    ``propose_amendment`` on agreements → ``propose_agreement_amendment``); views are
    ``view_…``; audit, log and health routes keep their names.
    """
    name, segments = route.name, route.path_format.strip("/").split("/")
    if segments[0] != "v1" or len(segments) < 2 or segments[1] in _NOT_RESOURCES:
        return name
    if segments[1] == "views":
        return name if name.startswith("view_") else f"view_{name}"
    collection = segments[1].split(":", 1)[0]
    plural = collection.replace("-", "_")
    resource = _SINGULAR.get(plural, plural.removesuffix("s"))
    words = name.split("_")
    if {resource.split("_")[-1], plural.split("_")[-1]} & set(words):
        return name
    return "_".join([words[0], resource, *words[1:]])


def _errors_of(method: str, operation: JSON) -> list[int]:
    parameters = operation.get("parameters", [])
    where = {p["in"] for p in parameters}
    headers = {p["name"].lower() for p in parameters if p["in"] == "header"}
    body = "requestBody" in operation
    statuses = {503}
    if operation.get("security"):
        statuses |= {401, 403}
    if body or "path" in where:
        statuses.add(404)
    if method == "post":
        statuses.add(409)
    if "if-match" in headers:
        statuses |= {400, 412}
    if {"version", "as_of"} <= {p["name"] for p in parameters}:
        statuses.add(400)  # a version and a time together
    if body:
        statuses |= {400, 408, 413, 415}
    if body or parameters:
        statuses.add(422)
    return sorted(statuses)


def _problem_response(status: int, description: str | None = None) -> JSON:
    response: JSON = {
        "description": description or _ERRORS[status],
        "content": {PROBLEM_JSON: {"schema": {"$ref": PROBLEM_REF}}},
    }
    if status == 503:
        response["headers"] = {"Retry-After": RETRY_AFTER}
    if status == 401:
        response["headers"] = {"WWW-Authenticate": WWW_AUTHENTICATE}
    return response


def _complete_operation(method: str, operation: JSON) -> None:
    responses: JSON = operation["responses"]
    declared = {int(s) for s in responses if s[0] in "45" and s != "422"}
    for error in sorted({*_errors_of(method, operation), *declared}):
        # A route declares an error the rules above do not see (``responses={404: {...}}``).
        said = responses.get(str(error), {}).get("description") if error in declared else None
        responses[str(error)] = _problem_response(error, said)
    takes_key = any(p["name"] == "Idempotency-Key" for p in operation.get("parameters", []))
    for code, response in responses.items():
        if not code.startswith("2"):
            continue
        headers = response.setdefault("headers", {})
        if code == "201":
            headers.setdefault("Location", LOCATION)
        if takes_key:
            headers.setdefault("Idempotent-Replayed", REPLAYED)
        if not headers:
            del response["headers"]
    operation["responses"] = dict(sorted(responses.items()))


def _complete_read(operation: JSON, settings: object) -> None:
    """A GET takes If-None-Match and may answer 304; every 200 has an ETag; a maximum that is a
    setting is stated as its value. An event stream (the change feed) has no end to digest:
    neither ETag nor 304."""
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if _MAXIMUM_SETTING in schema:
            schema["maximum"] = getattr(settings, schema.pop(_MAXIMUM_SETTING), schema["maximum"])
    if _EVENT_STREAM in operation["responses"].get("200", {}).get("content", {}):
        return
    operation.setdefault("parameters", []).append(IF_NONE_MATCH)
    responses: JSON = operation["responses"]
    if "200" in responses:
        responses["200"].setdefault("headers", {}).setdefault("ETag", DIGEST_ETAG)
        if any(p["name"] == "cursor" for p in operation["parameters"]):  # a list (api/paging.py)
            responses["200"]["headers"].setdefault("Link", LINK)
    formats = {p["name"]: p for p in operation["parameters"]}.get("format", {})
    content = responses.get("200", {}).get("content", {})
    for name, media_type in _DOWNLOADS.items():
        if name in formats.get("schema", {}).get("pattern", "") and "application/json" in content:
            content.setdefault(media_type, {"schema": {"type": "string", "format": "binary"}})
    responses["304"] = NOT_MODIFIED
    operation["responses"] = dict(sorted(responses.items()))


def _link_creations(paths: JSON) -> None:
    """Links from ``POST /v1/x``'s 201 to every operation of ``/v1/x/{param}`` and below that
    takes that one path parameter: a ``…_id`` is the created resource's ``id``, any other (the
    enterprise's ``uscc``) the field of its name, in the 201's body."""
    for collection, operations in paths.items():
        created = operations.get("post", {}).get("responses", {}).get("201")
        if created is None or "{" in collection:
            continue
        links: JSON = {}
        for path, targets in paths.items():
            rest = path.removeprefix(collection + "/")
            if rest == path or not rest.startswith("{") or path.count("{") != 1:
                continue
            name = rest[1 : rest.index("}")]
            field = "id" if name.endswith("_id") else name
            for operation in targets.values():
                links[operation["operationId"]] = {
                    "operationId": operation["operationId"],
                    "parameters": {f"path.{name}": f"$response.body#/{field}"},
                }
        if links:
            created["links"] = dict(sorted(links.items()))


def complete(document: JSON, settings: object = None) -> JSON:
    """``document`` (as FastAPI derived it) with the shared answers, headers and schemas;
    ``settings`` give the maxima that are settings (``LOG_PAGE_LIMIT``)."""
    schemas: JSON = document.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem.pop("$defs", {}))
    schemas["Problem"] = problem
    # Ours, not FastAPI's, where a route names a shape as a response's "model" too: FastAPI
    # builds its schema before the shapes are documented (api/shapes.py).
    schemas.update(shown_schemas())
    for operations in document["paths"].values():
        # Every GET takes HEAD (api/http_reads.py): said once, in the description, not twice.
        operations.pop("head", None)
        for method, operation in operations.items():
            _complete_operation(method, operation)
            if method == "get":
                _complete_read(operation, settings)
    _link_creations(document["paths"])
    return document


def install(app: FastAPI) -> None:
    """Serve the completed document as ``app``'s OpenAPI document (built once, on first use)."""
    derive: Callable[[], JSON] = app.openapi
    built: list[JSON] = []

    def openapi() -> JSON:
        if not built:
            built.append(complete(derive(), app.state.settings))
        return built[0]

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to extend it
