"""Service agreements: proposed by the hub or a window, countersigned, amended and terminated by
their two parties; read by the parties, the hub, the bureau and auditors.

A window or an institution sees only the agreements it is a party to (others do not exist for
it); the hub, the bureau and auditors see every agreement. Views are computed for a day
(``?as_on=``, by default today in Ningxia), because an agreement expires without an event.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response

from api.deps import (
    IdempotencyKey,
    IfMatch,
    Ledger,
    RequestId,
    idempotency_request,
    parse_if_match,
    require,
    require_json,
)
from api.resources import add_legacy_read_routes
from api.responses import json_response, outcome_response
from api.schemas.agreements import (
    AgreementProposal,
    AmendmentBody,
    AmendmentCountersignatureBody,
    AmendmentWithdrawalBody,
    CountersignatureBody,
    TerminationBody,
)
from api.schemas.common import Body
from ledger.application.app import LedgerApplication
from ledger.application.context import IdempotencyRequest, Principal
from ledger.application.interface.agreements import agreement_view
from ledger.application.uow import Outcome
from ledger.domain.access_key import Role
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_terms import Amendment, Terms
from ledger.domain.envelope import Envelope
from ledger.domain.errors import AgreementNotFoundError
from ledger.domain.time import CST

router = APIRouter(prefix="/v1/agreements", tags=["agreements"])

# Institutions countersign, amend and terminate; only platforms propose (ledger.domain.agreement).
Proposer = Annotated[Principal, require(Role.HUB, Role.WINDOW)]
ActingParty = Annotated[Principal, require(Role.HUB, Role.WINDOW, Role.INSTITUTION)]
READERS = (Role.HUB, Role.WINDOW, Role.INSTITUTION, Role.BUREAU, Role.AUDITOR)
Reader = Annotated[Principal, require(*READERS)]
JSON_ONLY = [Depends(require_json)]
# Roles that act for one participant and so see only that participant's agreements.
PARTY_ROLES = frozenset({Role.WINDOW, Role.INSTITUTION})

Run = Callable[[Envelope, int | None, IdempotencyRequest | None], Outcome]


def _meta(principal: Principal, request_id: str, ledger: LedgerApplication, at: Any) -> Envelope:
    return principal.envelope(request_id, at if at is not None else ledger.clock())


def _step(
    agreement_id: UUID,
    route: str,
    body: Body,
    run: Run,
    principal: Principal,
    ledger: LedgerApplication,
    request_id: str,
    if_match: str | None,
    idempotency_key: str | None,
) -> Response:
    meta = _meta(principal, request_id, ledger, getattr(body, "occurred_at", None))
    idempotency = idempotency_request(
        principal,
        idempotency_key,
        "POST",
        f"/v1/agreements/{agreement_id}/{route}",
        body.canonical(),
    )
    return outcome_response(run(meta, parse_if_match(if_match), idempotency))


@router.post("", status_code=201, dependencies=JSON_ONLY, summary="Propose a service agreement")
def propose(
    body: AgreementProposal,
    principal: Proposer,
    ledger: Ledger,
    request_id: RequestId,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    outcome = ledger.propose_agreement(
        counterparty_id=body.counterparty_id,
        external_ref=body.external_ref,
        title=body.title,
        terms=Terms(tuple(body.categories), body.starts_on, body.ends_on, body.document_sha256),
        meta=_meta(principal, request_id, ledger, body.occurred_at),
        idempotency=idempotency_request(
            principal, idempotency_key, "POST", "/v1/agreements", body.canonical()
        ),
    )
    return outcome_response(outcome)


@router.post(
    "/{agreement_id}/countersignature",
    dependencies=JSON_ONLY,
    summary="Countersign the proposed agreement (the other party)",
)
def countersign(
    agreement_id: UUID,
    body: CountersignatureBody,
    principal: ActingParty,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    def run(meta: Envelope, version: int | None, idem: IdempotencyRequest | None) -> Outcome:
        return ledger.countersign_agreement(
            agreement_id,
            document_sha256=body.document_sha256,
            meta=meta,
            expected_version=version,
            idempotency=idem,
        )

    return _step(
        agreement_id,
        "countersignature",
        body,
        run,
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{agreement_id}/amendments",
    dependencies=JSON_ONLY,
    summary="Propose an amendment (either party)",
)
def propose_amendment(
    agreement_id: UUID,
    body: AmendmentBody,
    principal: ActingParty,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    amendment = Amendment(
        categories=body.categories,
        starts_on=body.starts_on,
        ends_on=body.ends_on,
        document_sha256=body.document_sha256,
        note=body.note,
    )

    def run(meta: Envelope, version: int | None, idem: IdempotencyRequest | None) -> Outcome:
        return ledger.propose_amendment(
            agreement_id, amendment, meta=meta, expected_version=version, idempotency=idem
        )

    return _step(
        agreement_id,
        "amendments",
        body,
        run,
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{agreement_id}/amendments/countersignature",
    dependencies=JSON_ONLY,
    summary="Countersign the pending amendment (the party that did not propose it)",
)
def countersign_amendment(
    agreement_id: UUID,
    body: AmendmentCountersignatureBody,
    principal: ActingParty,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    def run(meta: Envelope, version: int | None, idem: IdempotencyRequest | None) -> Outcome:
        return ledger.countersign_amendment(
            agreement_id,
            document_sha256=body.document_sha256,
            meta=meta,
            expected_version=version,
            idempotency=idem,
        )

    return _step(
        agreement_id,
        "amendments/countersignature",
        body,
        run,
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{agreement_id}/amendments/withdrawal",
    dependencies=JSON_ONLY,
    summary="Withdraw (or decline) the pending amendment",
)
def withdraw_amendment(
    agreement_id: UUID,
    body: AmendmentWithdrawalBody,
    principal: ActingParty,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    def run(meta: Envelope, version: int | None, idem: IdempotencyRequest | None) -> Outcome:
        return ledger.withdraw_amendment(
            agreement_id, reason=body.reason, meta=meta, expected_version=version, idempotency=idem
        )

    return _step(
        agreement_id,
        "amendments/withdrawal",
        body,
        run,
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )


@router.post(
    "/{agreement_id}/termination",
    dependencies=JSON_ONLY,
    summary="Terminate the agreement (either party)",
)
def terminate(
    agreement_id: UUID,
    body: TerminationBody,
    principal: ActingParty,
    ledger: Ledger,
    request_id: RequestId,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    def run(meta: Envelope, version: int | None, idem: IdempotencyRequest | None) -> Outcome:
        return ledger.terminate_agreement(
            agreement_id,
            reason=body.reason,
            effective_on=body.effective_on,
            meta=meta,
            expected_version=version,
            idempotency=idem,
        )

    return _step(
        agreement_id,
        "termination",
        body,
        run,
        principal,
        ledger,
        request_id,
        if_match,
        idempotency_key,
    )


@router.get("", summary="Agreements, in the order proposed (a window or institution: its own)")
def list_agreements(
    principal: Reader,
    ledger: Ledger,
    party: Annotated[
        UUID | None, Query(description="Only agreements this party is party to")
    ] = None,
    as_on: Annotated[date | None, Query(description="The day the views are for")] = None,
) -> Response:
    day = as_on or ledger.clock().astimezone(CST).date()
    if principal.role in PARTY_ROLES:
        agreements = [
            a
            for a in ledger.list_agreements(principal.platform_id)
            if party is None or a.is_party(party)
        ]
    else:
        agreements = ledger.list_agreements(party)
    return json_response(
        {"as_on": day.isoformat(), "agreements": [agreement_view(a, day) for a in agreements]}
    )


def _parties_only(principal: Principal, agreement: Agreement) -> bool:
    return principal.role not in PARTY_ROLES or agreement.is_party(principal.platform_id)


add_legacy_read_routes(
    router,
    aggregate_type=Agreement,
    view_on=agreement_view,
    not_found=AgreementNotFoundError,
    label="agreement",
    readers=READERS,
    id_name="agreement_id",
    visible=_parties_only,
)
