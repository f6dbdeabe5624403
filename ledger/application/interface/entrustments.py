"""Views of the hub's entrustments of its operating institution.

Whether an entrustment is in force depends on the day asked about (it lapses without an
event), so every view is computed from the entrustment *and a day*.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from typing_extensions import TypedDict

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.application.interface.appraisals import GradeName
from ledger.domain.entrustment import Entrustment
from ledger.domain.entrustment_terms import OperatorAppraisal, Renewal, Term, area_averages

__all__ = [
    "EntrustmentList",
    "EntrustmentScopeName",
    "EntrustmentStatusName",
    "EntrustmentView",
    "entrustment_view",
]

EntrustmentScopeName = Literal["service_hall", "online_platform", "both"]
"""The values of :class:`ledger.domain.entrustment_terms.Scope`."""
EntrustmentStatusName = Literal[
    "awaiting_acceptance", "not_yet_in_force", "in_force", "lapsed", "terminated"
]
"""The values of :class:`ledger.domain.entrustment_terms.EntrustmentStatus`."""


class EntrustmentTerm(TypedDict):
    """One term of the entrustment (days included, ISO dates) and the SHA-256 of the document
    signed for it."""

    starts_on: str
    ends_on: str
    document_sha256: str


class EntrustedOperator(TypedDict):
    """The operating institution (运营机构) entrusted with the hub."""

    name: str
    uscc: str


class ExpertMarksView(TypedDict):
    """One expert's marks of the three areas (Art. 12), each from 0 to 100."""

    expert_id: str
    overall_operation: int
    service_performance: int
    use_of_funds: int


class AreaAverages(TypedDict):
    """The panel's average mark of each area, as decimal strings."""

    overall_operation: str
    service_performance: str
    use_of_funds: str


class OperatorAppraisalView(TypedDict):
    """The operator's appraisal of one year by a panel of experts, as the hub recorded it."""

    year: int
    appraised_on: str
    marks: list[ExpertMarksView]
    area_averages: AreaAverages
    total: str
    grade: GradeName
    note: str


class EntrustmentRenewal(TypedDict):
    """A renewal: the day it was made, the appraisal that earned it and the term it added."""

    renewed_on: str
    appraisal_year: int
    term: EntrustmentTerm


class EntrustmentTermination(TypedDict):
    """Why the entrustment was terminated early, and from which day."""

    reason: str
    effective_on: str


class EntrustmentView(Resource):
    """The hub's entrustment of its operating institution as it stands on a day (``as_on``):
    its status, the term that runs then, its appraisals and renewals."""

    hub_id: str
    external_ref: str
    operator: EntrustedOperator
    scope: EntrustmentScopeName
    as_on: str
    status: EntrustmentStatusName
    in_force: bool
    term_running: EntrustmentTerm | None
    """The term that runs on ``as_on`` (``null`` outside every term)."""
    terms: list[EntrustmentTerm]
    accepted_on: str | None
    appraisals: list[OperatorAppraisalView]
    renewals: list[EntrustmentRenewal]
    termination: EntrustmentTermination | None


class EntrustmentList(PageFields):
    """The entrustments, in the order made, as they stand on ``as_on``."""

    as_on: str
    entrustments: list[EntrustmentView]


def _term(term: Term) -> EntrustmentTerm:
    return {
        "starts_on": term.starts_on.isoformat(),
        "ends_on": term.ends_on.isoformat(),
        "document_sha256": term.document_sha256,
    }


def _marks(marks: Mapping[str, Any]) -> ExpertMarksView:
    """One expert's marks as recorded (``ExpertMarks.record``)."""
    return {
        "expert_id": str(marks["expert_id"]),
        "overall_operation": marks["overall_operation"],
        "service_performance": marks["service_performance"],
        "use_of_funds": marks["use_of_funds"],
    }


def _appraisal(appraisal: OperatorAppraisal) -> OperatorAppraisalView:
    averages = area_averages(appraisal.marks)
    return {
        "year": appraisal.year,
        "appraised_on": appraisal.appraised_on.isoformat(),
        "marks": [_marks(m) for m in appraisal.marks],
        "area_averages": {
            "overall_operation": str(averages["overall_operation"]),
            "service_performance": str(averages["service_performance"]),
            "use_of_funds": str(averages["use_of_funds"]),
        },
        "total": str(appraisal.total),
        "grade": plain(appraisal.grade),
        "note": appraisal.note,
    }


def _renewal(renewal: Renewal) -> EntrustmentRenewal:
    return {
        "renewed_on": renewal.renewed_on.isoformat(),
        "appraisal_year": renewal.appraisal_year,
        "term": _term(renewal.term),
    }


def entrustment_view(entrustment: Entrustment, as_on: date) -> EntrustmentView:
    """The entrustment as it stands, with its status and the term that runs on ``as_on``."""
    termination, running = entrustment.termination, entrustment.term_on(as_on)
    return {
        **common(entrustment),
        "hub_id": str(entrustment.hub_id),
        "external_ref": entrustment.external_ref,
        "operator": {"name": entrustment.operator_name, "uscc": entrustment.operator_uscc},
        "scope": plain(entrustment.scope),
        "as_on": as_on.isoformat(),
        "status": plain(entrustment.status_on(as_on)),
        "in_force": entrustment.in_force_on(as_on),
        "term_running": None if running is None else _term(running),
        "terms": [_term(t) for t in entrustment.terms],
        "accepted_on": plain(entrustment.accepted_on),
        "appraisals": [_appraisal(a) for _, a in sorted(entrustment.appraisals.items())],
        "renewals": [_renewal(r) for r in entrustment.renewals],
        "termination": None
        if termination is None
        else {"reason": termination.reason, "effective_on": termination.effective_on.isoformat()},
    }
