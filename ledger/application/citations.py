"""What a change of standing cites (Art. 13): the concluded appraisal that decided it, or, for
an order to rectify, one of the listed grounds; never free text.

- ``appraisal:<id>`` — a concluded appraisal of this subject: 优秀 for priority support (its
  proposal or its grant, for the year after the one appraised), 不合格 for an order to rectify;
- ``reason:<code>`` — for an order to rectify only, one of :data:`GROUNDS`.
"""

from __future__ import annotations

from uuid import UUID

from ledger.application.commands.standing import (
    GrantPrioritySupport,
    OrderRectification,
    ProposePrioritySupport,
)
from ledger.application.ports import Store
from ledger.domain.appraisal import Appraisal
from ledger.domain.errors import AppraisalNotFoundError, InvalidCitationError

GROUNDS = {
    "data_reports_late": "服务数据报送不及时",
    "complaints_upheld": "服务投诉经核实",
    "inspection_findings": "监督检查发现问题",
    "funds_misused": "资金使用不规范",
    "service_interrupted": "服务中断或未按协议提供服务",
}
"""The grounds other than an appraisal on which the supervisor orders rectification."""


def check_citation(
    store: Store,
    subject_id: UUID,
    step: ProposePrioritySupport | GrantPrioritySupport | OrderRectification,
) -> None:
    """Refuse a citation that does not resolve to what the step may rest on."""
    kind, _, ref = step.citation.strip().partition(":")
    if kind == "reason" and isinstance(step, OrderRectification):
        if ref not in GROUNDS:
            raise InvalidCitationError(
                f"{step.citation!r} is not a listed ground; one of "
                f"{', '.join('reason:' + g for g in GROUNDS)}, or appraisal:<id>.",
                citation=step.citation,
            )
        return
    if kind != "appraisal":
        allowed = "appraisal:<id>" + (
            " or reason:<code>" if isinstance(step, OrderRectification) else ""
        )
        raise InvalidCitationError(
            f"{step.citation!r} cites nothing the ledger holds: cite {allowed}.",
            citation=step.citation,
        )
    appraisal = _appraisal(store, ref, step.citation)
    if appraisal.is_superseded:
        raise InvalidCitationError(
            f"Appraisal {appraisal.id} was superseded ({appraisal.superseded_reason}); cite the "
            "appraisal that replaced it.",
            citation=step.citation,
        )
    support = isinstance(step, ProposePrioritySupport | GrantPrioritySupport)
    wanted = "优秀" if support else "不合格"
    if appraisal.subject_id != subject_id or appraisal.grade != wanted:
        raise InvalidCitationError(
            f"Appraisal {appraisal.id} is not a concluded {wanted} appraisal of this subject "
            f"(its grade: {appraisal.grade or 'not concluded'}).",
            citation=step.citation,
        )
    if isinstance(step, ProposePrioritySupport | GrantPrioritySupport) and (
        step.year != appraisal.year + 1
    ):
        raise InvalidCitationError(
            f"An appraisal of {appraisal.year} brings priority support for {appraisal.year + 1}, "
            f"not {step.year}.",
            citation=step.citation,
        )


def _appraisal(store: Store, ref: str, citation: str) -> Appraisal:
    try:
        return store.load(UUID(ref), Appraisal, AppraisalNotFoundError, "appraisal")
    except (ValueError, AppraisalNotFoundError):
        raise InvalidCitationError(
            f"{citation!r} names no appraisal of the ledger.", citation=citation
        ) from None
