"""Helpers of the complaint and violation API tests: bodies, and a complaint at each stage."""

from __future__ import annotations

import uuid
from typing import Any

from ledger.domain import ids
from tests.api._support import ENTERPRISE_USCC, INSTITUTION_USCC, JSON, Api

COMPLAINTS = "/v1/complaints"
VIOLATIONS = "/v1/violations"
INSTITUTION_ID = ids.institution_id(INSTITUTION_USCC)


def reference(prefix: str = "TS") -> str:
    """A register reference no other test uses."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def lodging_body(subject_id: object, **overrides: Any) -> JSON:
    return {
        "external_ref": reference(),
        "subject_id": str(subject_id),
        "complainant_uscc": ENTERPRISE_USCC,
        "category": "fees",
        "summary": "公益咨询被收取服务费",
        **overrides,
    }


def violation_body(subject_id: object, **overrides: Any) -> JSON:
    return {
        "external_ref": reference("WG"),
        "subject_id": str(subject_id),
        "description": "对公益服务收取费用",
        "severity": "minor",
        **overrides,
    }


def ok(api: Api, path: str, key: str, body: JSON, status: int = 200) -> JSON:
    """POST ``body`` to ``path`` with ``key``, asserting ``status``; the answer."""
    response = api.post(path, key=key, json=body)
    assert response.status_code == status, response.text
    answer: JSON = response.json()
    return answer


def complaint_at(api: Api, stage: str, subject_id: object = None) -> str:
    """The id of a complaint against window A (or ``subject_id``) at ``stage``: lodged,
    accepted, dismissed, responded, upheld or not_upheld. The hub handles it and the subject's
    key answers (window A's unless the subject is another)."""
    subject = subject_id or api.window_a_id
    complaint_id = str(ok(api, COMPLAINTS, api.keys.hub, lodging_body(subject), 201)["id"])
    path = f"{COMPLAINTS}/{complaint_id}"
    if stage == "dismissed":
        ok(api, f"{path}/dismissal", api.keys.hub, {"reasons": "不属于受理范围"})
    if stage in {"accepted", "responded", "upheld", "not_upheld"}:
        ok(api, f"{path}/acceptance", api.keys.hub, {"note": "受理"})
    if stage in {"responded", "upheld", "not_upheld"}:
        ok(api, f"{path}/response", api.keys.window_a, {"statement": "经核查已退费"})
    if stage in {"upheld", "not_upheld"}:
        body = {"upheld": stage == "upheld", "findings": "经调查核实"}
        ok(api, f"{path}/conclusion", api.keys.hub, body)
    return complaint_id
