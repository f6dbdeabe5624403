"""Helpers for the agreement API tests, on the network of ``tests/api/conftest.py``: window A
proposes to the institution (whose key countersigns) unless a test says otherwise."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx

from ledger.domain import ids
from tests.api._support import INSTITUTION_USCC, JSON, Api, new_ref

INSTITUTION_ID = ids.institution_id(INSTITUTION_USCC)
DIGEST = "e" * 64
NEW_DIGEST = "f" * 64


def proposal_body(counterparty_id: UUID = INSTITUTION_ID, **overrides: Any) -> JSON:
    """An agreement for 2026 (the tests' business date is 2 March 2026) covering category 14."""
    return {
        "counterparty_id": str(counterparty_id),
        "external_ref": new_ref(),
        "title": "服务合作协议",
        "categories": ["14"],
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "document_sha256": DIGEST,
        **overrides,
    }


def send_proposal(
    api: Api, key: str | None = None, counterparty_id: UUID = INSTITUTION_ID, **overrides: Any
) -> httpx.Response:
    return api.post(
        "/v1/agreements",
        key=key or api.keys.window_a,
        json=proposal_body(counterparty_id, **overrides),
    )


def propose(
    api: Api, key: str | None = None, counterparty_id: UUID = INSTITUTION_ID, **overrides: Any
) -> JSON:
    """A proposal (window A's to the institution by default), asserting that it was created."""
    response = send_proposal(api, key, counterparty_id, **overrides)
    assert response.status_code == 201, response.text
    body: JSON = response.json()
    return body


def act(api: Api, agreement_id: str, step: str, key: str, body: JSON) -> httpx.Response:
    return api.post(f"/v1/agreements/{agreement_id}/{step}", key=key, json=body)


def countersign(api: Api, agreement_id: str, key: str | None = None, digest: str = DIGEST) -> JSON:
    """The countersignature (the institution's by default), asserting that it was accepted."""
    response = act(
        api,
        agreement_id,
        "countersignature",
        key or api.keys.institution,
        {"document_sha256": digest},
    )
    assert response.status_code == 200, response.text
    body: JSON = response.json()
    return body


def agreement_in_force(api: Api, **overrides: Any) -> str:
    """Window A and the institution, for 2026, countersigned today."""
    agreement_id = str(propose(api, **overrides)["id"])
    countersign(api, agreement_id)
    return agreement_id
