"""Views of the hub's entrustments of its operating institution.

Whether an entrustment is in force depends on the day asked about (it lapses without an
event), so every view is computed from the entrustment *and a day*.
"""

from __future__ import annotations

from datetime import date

from ledger.application.interface import JSON, common, plain
from ledger.domain.entrustment import Entrustment
from ledger.domain.entrustment_terms import Term, area_averages

__all__ = ["JSON", "entrustment_view"]


def _term(term: Term | None) -> JSON | None:
    if term is None:
        return None
    return {
        "starts_on": term.starts_on.isoformat(),
        "ends_on": term.ends_on.isoformat(),
        "document_sha256": term.document_sha256,
    }


def entrustment_view(entrustment: Entrustment, as_on: date) -> JSON:
    """The entrustment as it stands, with its status and the term that runs on ``as_on``."""
    termination = entrustment.termination
    return {
        **common(entrustment),
        "hub_id": str(entrustment.hub_id),
        "external_ref": entrustment.external_ref,
        "operator": {"name": entrustment.operator_name, "uscc": entrustment.operator_uscc},
        "scope": entrustment.scope.value,
        "as_on": as_on.isoformat(),
        "status": entrustment.status_on(as_on).value,
        "in_force": entrustment.in_force_on(as_on),
        "term_running": _term(entrustment.term_on(as_on)),
        "terms": [_term(t) for t in entrustment.terms],
        "accepted_on": plain(entrustment.accepted_on),
        "appraisals": [
            {
                "year": a.year,
                "appraised_on": a.appraised_on.isoformat(),
                "marks": [dict(m) for m in a.marks],
                "area_averages": plain(area_averages(a.marks)),
                "total": str(a.total),
                "grade": a.grade,
                "note": a.note,
            }
            for _, a in sorted(entrustment.appraisals.items())
        ],
        "renewals": [
            {
                "renewed_on": r.renewed_on.isoformat(),
                "appraisal_year": r.appraisal_year,
                "term": _term(r.term),
            }
            for r in entrustment.renewals
        ],
        "termination": None
        if termination is None
        else {"reason": termination.reason, "effective_on": termination.effective_on.isoformat()},
    }
