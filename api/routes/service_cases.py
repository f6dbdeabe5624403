"""Service cases: windows record them; the hub, the bureau and auditors read them."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response

from api.deps import require_json
from api.resources import add_read_routes
from api.responses import json_response
from api.schemas.cases import (
    AssignmentBody,
    CancellationBody,
    CaseBatch,
    CaseOpening,
    ClosureBody,
    DeliveryBody,
    FeedbackBody,
    records_of,
)
from api.schemas.corrections import DeliveryAmendmentBody, VoidingBody
from api.writers import CommandRoutes, Writer, creating, stepping
from ledger.application.commands.cases import (
    ImportCases,
    ImportResult,
    ImportStatus,
)
from ledger.application.handlers.cases import ServiceCases
from ledger.application.interface import plain
from ledger.domain.access_key import Role

router = APIRouter(prefix="/v1/service-cases", tags=["service cases"])
# The batch route sits beside the collection (``/v1/service-cases:batch``), not under it.
batch_router = APIRouter(tags=["service cases"])

Opening = Annotated[Writer, creating(Role.WINDOW)]
Step = Annotated[Writer, stepping(Role.WINDOW)]
Importing = Annotated[Writer, creating(Role.WINDOW)]
JSON_ONLY = [Depends(require_json)]
routes = CommandRoutes(router, "case_id")


routes.create(
    "open_case",
    CaseOpening,
    Opening,
    "Open a service case (or record an already-delivered service in one call)",
)


@batch_router.post(
    "/v1/service-cases:batch",
    dependencies=JSON_ONLY,
    summary="Import up to 1,000 service records (each like a one-call delivered case)",
    description="Every record is validated and decided on its own: valid ones are appended "
    "(in as few transactions as possible), invalid ones are reported with their index, code "
    "and detail and change nothing. A record whose external_ref is already recorded is "
    "reported as `exists` if it says what was recorded (re-sending the same batch appends "
    "nothing new), and as a `conflict` with its `differences` (field, recorded, sent) if it "
    "says something else: correct a case with its own request. With an `Idempotency-Key`, a "
    "retry of the same batch is answered as the first request was (`Idempotent-Replayed`); "
    "the key with another batch is refused (422 `idempotency_key_reused`).",
)
def import_batch(body: CaseBatch, write: Importing) -> Response:
    command = ImportCases(records=records_of(body.records))
    results = write.ledger.handle(command, write.context(body))
    replayed = any(r.replayed for r in results)
    return json_response(
        import_summary(results), headers={"Idempotent-Replayed": "true"} if replayed else None
    )


def import_summary(results: list[ImportResult]) -> dict[str, Any]:
    """The answer to an import: each record's result, and the counts."""
    counts = Counter(r.status.value for r in results)
    return {
        "results": [_result_view(r) for r in results],
        "created": counts["created"],
        "exists": counts["exists"],
        "conflict": counts["conflict"],
        "rejected": counts["rejected"],
        "position": max((r.position or 0 for r in results), default=0) or None,
    }


def _result_view(result: ImportResult) -> dict[str, Any]:
    view: dict[str, Any] = {"index": result.index, "status": result.status.value}
    if result.id is not None:
        view["id"] = str(result.id)
    if result.status is ImportStatus.CREATED:
        view["version"] = result.version
        view["position"] = result.position
    else:
        view["code"] = result.code
        view["detail"] = result.detail
    if result.differences:
        view["differences"] = [
            {"field": name, "recorded": plain(recorded), "sent": plain(sent)}
            for name, recorded, sent in result.differences
        ]
    return view


routes.step("/assignment", "assign", AssignmentBody, Step, "Assign the case")
routes.step("/delivery", "deliver", DeliveryBody, Step, "Record the delivery")
routes.step("/feedback", "record_feedback", FeedbackBody, Step, "Record the enterprise's feedback")
routes.step("/closure", "close", ClosureBody, Step, "Close the case")
routes.step("/cancellation", "cancel", CancellationBody, Step, "Cancel the case")
routes.step(
    "/delivery-amendment",
    "amend_delivery",
    DeliveryAmendmentBody,
    Step,
    "Correct the recorded delivery, with a reason (also after closure)",
)
routes.step("/voiding", "void", VoidingBody, Step, "Void a case recorded by mistake, with a reason")


add_read_routes(
    router,
    ServiceCases,
    readers=(Role.WINDOW, Role.HUB, Role.BUREAU, Role.AUDITOR),
)
