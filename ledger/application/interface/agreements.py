"""Views of service agreements.

An agreement's status depends on the day asked about (it expires without an event), so every
view is computed from the agreement *and a day*: the caller chooses the day (the API defaults to
today in Ningxia), and the same state and day always give the same view.
"""

from __future__ import annotations

from datetime import date

from ledger.application.interface import JSON, common, plain
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_terms import Terms

__all__ = ["JSON", "agreement_view"]


def _terms(terms: Terms | None) -> JSON | None:
    if terms is None:
        return None
    return {
        "categories": list(terms.categories),
        "starts_on": terms.starts_on.isoformat(),
        "ends_on": terms.ends_on.isoformat(),
        "document_sha256": terms.document_sha256,
    }


def agreement_view(agreement: Agreement, as_on: date) -> JSON:
    """The agreement as it stands, with its status and the terms that apply on ``as_on``."""
    pending = agreement.pending_amendment
    return {
        **common(agreement),
        "external_ref": agreement.external_ref,
        "title": agreement.title,
        "proposer": plain(agreement.proposer),
        "counterparty": plain(agreement.counterparty),
        "as_on": as_on.isoformat(),
        "status": agreement.status_on(as_on).value,
        "terms": _terms(agreement.terms),
        "terms_applying": _terms(agreement.terms_on(as_on)),
        "signed_on": plain(agreement.signed_on),
        "periods": [
            {"effective_from": p.effective_from.isoformat(), "terms": _terms(p.terms)}
            for p in agreement.periods
        ],
        "pending_amendment": None
        if pending is None
        else {
            "proposed_by": str(pending.proposed_by),
            "terms": _terms(pending.terms),
            "note": pending.note,
        },
        "termination": plain(agreement.termination),
    }
