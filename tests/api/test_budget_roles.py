"""Who may call the budget and disbursement routes (and resolve the keys that acted on them):
every route against every role.

Windows and institutions have no part in the operating budget: they are refused everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ledger.domain.access_key import Role
from tests.api._routes import (
    Route,
    assert_unauthenticated_and_unrecorded,
    role_cases,
    role_tests,
)
from tests.api._support import (
    JSON,
    Api,
    adjustment_body,
    approval_body,
    approved_budget,
    disbursement_approval_body,
    disbursement_body,
    disbursement_in,
    payment_body,
    proposal_body,
    propose_budget,
    rejection_body,
    reversal_body,
    revision_body,
)

HUB, BUREAU, AUDITOR = Role.HUB, Role.BUREAU, Role.AUDITOR
READERS = frozenset({HUB, BUREAU, AUDITOR})


def _budget(suffix: str = "", approved: bool = False) -> Callable[[Api, Role], str]:
    def target(api: Api, _role: Role) -> str:
        budget_id = approved_budget(api) if approved else propose_budget(api)
        return f"/v1/budgets/{budget_id}{suffix}"

    return target


def _disbursement(status: str, suffix: str = "") -> Callable[[Api, Role], str]:
    def target(api: Api, _role: Role) -> str:
        approved_budget(api)
        return f"/v1/disbursements/{disbursement_in(api, status)}{suffix}"

    return target


def _disbursements_of_budget(api: Api, _role: Role) -> str:
    return f"/v1/disbursements?budget_id={approved_budget(api)}"


def _requests(api: Api, _role: Role) -> str:
    approved_budget(api)
    return "/v1/disbursements"


def _reversal(_api: Api, role: Role | None) -> JSON:
    # The hub records refunds, the bureau clawbacks.
    return reversal_body(kind="clawback" if role is BUREAU else "refund")


def _key_identity(api: Api, _role: Role) -> str:
    _, key_id = api.issue_key(Role.BUREAU)
    return f"/v1/access-keys/{key_id}/identity"


ROUTES = [
    # Who an actor of the funds trail is: the roles that read funds resolve it.
    Route("GET", "/v1/access-keys/{id}/identity", READERS, _key_identity),
    Route(
        "POST",
        "/v1/budgets",
        frozenset({HUB}),
        lambda *_: "/v1/budgets",
        lambda *_: proposal_body(),
        created=True,
    ),
    Route(
        "POST",
        "/v1/budgets/{id}/lines",
        frozenset({HUB}),
        _budget("/lines"),
        lambda *_: revision_body(),
    ),
    Route(
        "POST",
        "/v1/budgets/{id}/approval",
        frozenset({BUREAU}),
        _budget("/approval"),
        lambda *_: approval_body(),
    ),
    Route(
        "POST",
        "/v1/budgets/{id}/adjustments",
        frozenset({BUREAU}),
        _budget("/adjustments", approved=True),
        lambda *_: adjustment_body(),
    ),
    Route("GET", "/v1/budgets", READERS, lambda *_: "/v1/budgets"),
    Route("GET", "/v1/budgets/{id}", READERS, _budget()),
    Route("GET", "/v1/budgets/{id}/history", READERS, _budget("/history")),
    Route(
        "POST",
        "/v1/disbursements",
        frozenset({HUB}),
        _requests,
        lambda *_: disbursement_body(),
        created=True,
    ),
    Route(
        "POST",
        "/v1/disbursements/{id}/approval",
        frozenset({BUREAU}),
        _disbursement("requested", "/approval"),
        lambda *_: disbursement_approval_body(),
    ),
    Route(
        "POST",
        "/v1/disbursements/{id}/rejection",
        frozenset({BUREAU}),
        _disbursement("requested", "/rejection"),
        lambda *_: rejection_body(),
    ),
    Route(
        "POST",
        "/v1/disbursements/{id}/payment",
        frozenset({HUB}),
        _disbursement("approved", "/payment"),
        lambda *_: payment_body(),
    ),
    Route(
        "POST",
        "/v1/disbursements/{id}/reversal",
        frozenset({HUB, BUREAU}),
        _disbursement("paid", "/reversal"),
        _reversal,
    ),
    Route("GET", "/v1/disbursements?budget_id={id}", READERS, _disbursements_of_budget),
    Route("GET", "/v1/disbursements/{id}", READERS, _disbursement("requested")),
    Route("GET", "/v1/disbursements/{id}/history", READERS, _disbursement("paid", "/history")),
]

CASES = role_cases(ROUTES)


def test_windows_and_institutions_are_refused_every_budget_route() -> None:
    assert {Role.WINDOW, Role.INSTITUTION, Role.ADMIN}.isdisjoint(
        role for route in ROUTES for role in route.allowed
    )


(
    test_a_role_the_route_is_not_for_gets_403_and_nothing_is_recorded,
    test_a_role_the_route_is_for_is_answered,
) = role_tests(CASES)


@pytest.mark.parametrize("route", CASES.every_route)
def test_a_request_without_a_key_gets_401(api: Api, route: Route) -> None:
    assert_unauthenticated_and_unrecorded(api, route, HUB)
