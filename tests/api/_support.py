"""Helpers shared by the HTTP API tests: a small network, request bodies, a typed client."""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import IssueKey, RevokeKey
from ledger.application.commands.participants import RegisterConnectedPlatform
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.domain.platform import PlatformKind
from ledger.domain.time import CST
from ledger.domain.values import uscc_check_character
from tests.acting import act
from tests.conftest import FakeClock

with warnings.catch_warnings():
    # Starlette 1.x asks for the httpx2 package; the dev extra pins httpx, which still works.
    # Moving the dependency is a project decision, not something every test run should nag about.
    from starlette.exceptions import StarletteDeprecationWarning

    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient as TestClient

JSON = dict[str, Any]

# 10:00 in Ningxia on 2 March 2026: business time in every test, so delivery dates are known.
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
TODAY = NOW.astimezone(CST).date()

# Not the codes of the OpenAPI examples, so a test can walk through those on this network.
HUB_USCC = "91350200776049653A"
WINDOW_A_USCC = "9144030071526726XG"
WINDOW_B_USCC = "91330100716105852F"
ENTERPRISE_USCC = "91440101MA5CJQ4N59"
INSTITUTION_USCC = "91640500MA7272HDX6"
ENTERPRISE_REGION = "640104"

SETUP = Envelope(
    actor="test:setup",
    platform_id=None,
    correlation_id="test-setup",
    causation_id="test-setup",
    occurred_at=NOW,
)


def new_uscc() -> str:
    """A USCC no other test uses, with a correct check character."""
    first17 = f"91640100MA{uuid.uuid4().int % 10**7:07d}"
    return first17 + uscc_check_character(first17)


def new_ref() -> str:
    """A window's external reference no other test uses."""
    return f"YC-{uuid.uuid4().hex[:12]}"


# --- request bodies ----------------------------------------------------------------------------


def platform_body(uscc: str | None = None, kind: str = "window") -> JSON:
    return {"kind": kind, "name": "测试窗口平台", "uscc": uscc or new_uscc(), "region": "640100"}


def enterprise_body(uscc: str | None = None) -> JSON:
    return {
        "uscc": uscc or new_uscc(),
        "name": "宁夏测试精密机械有限公司",
        "region": ENTERPRISE_REGION,
        "industry": "industry",
        "employees": 86,
        "revenue_wan": "4200.00",
    }


def opening_body(**overrides: Any) -> JSON:
    return {
        "external_ref": new_ref(),
        "uscc": ENTERPRISE_USCC,
        "category": "100200",
        "channel": "online",
        "description": "咨询技术改造补助政策",
        **overrides,
    }


def assignment_body(**overrides: Any) -> JSON:
    return {"provider_kind": "expert", "provider_name": "王教授", **overrides}


def delivery_body(**overrides: Any) -> JSON:
    return {
        "delivered_on": TODAY.isoformat(),
        "mode": "onsite",
        "fee_type": "discounted",
        "fee_amount": "300.00",
        **overrides,
    }


def feedback_body(**overrides: Any) -> JSON:
    return {"satisfaction": 5, "comment": "响应及时", **overrides}


def closure_body(**overrides: Any) -> JSON:
    return {"note": "服务完成", **overrides}


def cancellation_body(**overrides: Any) -> JSON:
    return {"reason": "企业撤回需求", **overrides}


STEP_BODIES = {
    "assignment": assignment_body,
    "delivery": delivery_body,
    "feedback": feedback_body,
    "closure": closure_body,
    "cancellation": cancellation_body,
}

# The steps that bring a freshly opened case to the point where each step is allowed.
STEPS_BEFORE = {
    "assignment": (),
    "delivery": ("assignment",),
    "feedback": ("assignment", "delivery"),
    "closure": ("assignment", "delivery"),
    "cancellation": (),
}


# --- the network and a typed client ------------------------------------------------------------


@dataclass(frozen=True)
class Keys:
    """One live key per role; the hub key is bound to the hub platform, windows to theirs."""

    admin: str
    hub: str
    bureau: str
    auditor: str
    window_a: str
    window_b: str
    institution: str

    def for_role(self, role: Role) -> str:
        """The key of ``role`` (window A's for the window role)."""
        return {
            Role.ADMIN: self.admin,
            Role.HUB: self.hub,
            Role.BUREAU: self.bureau,
            Role.AUDITOR: self.auditor,
            Role.WINDOW: self.window_a,
            Role.INSTITUTION: self.institution,
        }[role]


def bearer(key: str | None) -> dict[str, str]:
    return {} if key is None else {"Authorization": f"Bearer {key}"}


@dataclass
class Api:
    """The app under test, the ledger behind it, and the network it was set up with."""

    client: TestClient
    ledger: LedgerApplication
    clock: FakeClock
    keys: Keys
    hub_id: UUID
    window_a_id: UUID
    window_b_id: UUID

    def get(
        self,
        path: str,
        *,
        key: str | None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        response: httpx.Response = self.client.get(
            path, params=params, headers={**bearer(key), **(headers or {})}
        )
        return response

    def post(
        self,
        path: str,
        *,
        key: str | None,
        json: Any = None,
        content: Any = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        response: httpx.Response = self.client.post(
            path, json=json, content=content, headers={**bearer(key), **(headers or {})}
        )
        return response

    def head(self) -> int:
        """The log's head position, read behind the API's back."""
        return self.ledger.head_position()

    def issue_key(self, role: Role, platform_id: UUID | None = None) -> tuple[str, UUID]:
        """A further key (its secret and id), e.g. one to revoke."""
        issued = act(
            self.ledger, IssueKey(role=role, platform_id=platform_id, name=f"extra {role}"), SETUP
        )
        return issued.secret, issued.outcome.resource_id

    def revoke_key(self, key_id: UUID) -> None:
        act(self.ledger, RevokeKey(key_id=key_id, reason="test"), SETUP)

    def open_case(self, key: str | None = None, **overrides: Any) -> JSON:
        """A case opened by window A (or by ``key``), asserting that it was created."""
        response = self.post(
            "/v1/service-cases", key=key or self.keys.window_a, json=opening_body(**overrides)
        )
        assert response.status_code == 201, response.text
        body: JSON = response.json()
        return body

    def step(self, case_id: str, step: str, key: str | None = None, **overrides: Any) -> JSON:
        """One step on a case (window A's by default), asserting that it was accepted."""
        response = self.post(
            f"/v1/service-cases/{case_id}/{step}",
            key=key or self.keys.window_a,
            json=STEP_BODIES[step](**overrides),
        )
        assert response.status_code == 200, response.text
        body: JSON = response.json()
        return body

    def case_ready_for(self, step: str) -> str:
        """The id of a window A case in which ``step`` is the next thing allowed."""
        case_id = str(self.open_case()["id"])
        for earlier in STEPS_BEFORE[step]:
            self.clock.advance(seconds=1)  # each step recorded a second after the one before
            self.step(case_id, earlier)
        return case_id

    def history(self, case_id: str, key: str | None = None) -> list[JSON]:
        response = self.get(f"/v1/service-cases/{case_id}/history", key=key or self.keys.window_a)
        assert response.status_code == 200, response.text
        events: list[JSON] = response.json()["events"]
        return events


MakeApi = Callable[..., Api]
"""Builds the app once per test; keyword arguments are settings (and raise_server_exceptions)."""


def assert_refused_unrecorded(
    api: Api, status: int, code: str, path: str, *, key: str | None, **request: Any
) -> JSON:
    """POSTing to ``path`` with ``key`` is refused with ``status`` and ``code``, and the log
    does not move; the problem, for more checks."""
    head = api.head()

    response = api.post(path, key=key, **request)

    problem = assert_problem(response, status, code)
    assert api.head() == head
    return problem


def assert_replayed(first: httpx.Response, retry: httpx.Response, status: int) -> None:
    """``retry`` is ``first`` replayed: the same status and body, marked as a replay."""
    assert first.status_code == retry.status_code == status
    assert retry.content == first.content
    assert retry.headers["idempotent-replayed"] == "true"


def post_if_match(api: Api, path: str, key: str, body: JSON, version: int) -> httpx.Response:
    """POST ``body`` to ``path`` with ``key``, on condition that the resource is at ``version``."""
    return api.post(path, key=key, json=body, headers={"If-Match": f'"{version}"'})


def another_hub_key(api: Api) -> str:
    """The key of a second hub, registered for the purpose."""
    other_hub = act(
        api.ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.HUB, name="另一枢纽", uscc=new_uscc(), region="640000"
        ),
        SETUP,
    ).resource_id
    secret, _ = api.issue_key(Role.HUB, other_hub)
    return secret


def assert_problem(response: httpx.Response, status: int, code: str) -> JSON:
    """``response`` is an RFC 9457 problem with ``status`` and ``code``; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: JSON = response.json()
    assert body["type"] == f"urn:sme-ledger:problem:{code}"
    assert body["code"] == code
    assert body["status"] == status
    assert isinstance(body["title"], str)
    assert body["title"]
    assert isinstance(body["detail"], str)
    assert body["detail"]
    assert body["instance"] == response.request.url.path
    assert isinstance(body["request_id"], str)
    assert body["request_id"]
    return body


READS = [
    pytest.param("", {}, id="now"),
    pytest.param("", {"version": 1}, id="at-version"),
    pytest.param("", {"as_of": "2099-01-01T00:00:00+00:00"}, id="as-of"),
    pytest.param("/history", {}, id="history"),
]
"""The ways to read a resource: now, at a version, as of a time, and its history."""


def assert_not_found_by_window_a(
    api: Api, path: str, suffix: str, params: dict[str, object], code: str, detail: str
) -> None:
    """Window A reading ``path`` (with ``suffix`` and ``params``) is told it does not exist."""
    response = api.get(f"{path}{suffix}", key=api.keys.window_a, params=params)

    problem = assert_problem(response, 404, code)
    assert problem["detail"] == detail


def openapi_document(api: Api) -> JSON:
    """The API's OpenAPI document, as served."""
    response = api.client.get("/openapi.json")
    assert response.status_code == 200
    body: JSON = response.json()
    return body


def request_schema(document: JSON, path: str) -> JSON:
    """The schema of the JSON body ``POST path`` takes."""
    content = document["paths"][path]["post"]["requestBody"]["content"]
    ref: str = content["application/json"]["schema"]["$ref"]
    schema: JSON = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return schema


def request_examples(document: JSON, path: str) -> list[Any]:
    """The examples of the JSON body ``POST path`` takes."""
    examples: list[Any] = request_schema(document, path)["examples"]
    return examples


def later(**delta: float) -> str:
    """Business time ``delta`` after the test clock's now, as the API takes it."""
    return (NOW + timedelta(**delta)).isoformat()


# --- public service activities and data reports ------------------------------------------------

# Activities are planned at NOW and held on the same day (TODAY); this one is only on rosters.
SECOND_ENTERPRISE_USCC = "91640104MA71TJ3Y8G"


def activity_body(**overrides: Any) -> JSON:
    return {
        "external_ref": f"ACT-{uuid.uuid4().hex[:12]}",
        "kind": "training",
        "title": "中小企业数字化转型培训",
        "starts_on": TODAY.isoformat(),
        "mode": "onsite",
        "venue": "银川市中小企业公共服务大厅",
        "category": "131000",
        "expected_attendance": 40,
        **overrides,
    }


def holding_body(**overrides: Any) -> JSON:
    return {
        "held_on": TODAY.isoformat(),
        "attendance": 35,
        "enterprises": [ENTERPRISE_USCC, SECOND_ENTERPRISE_USCC],
        **overrides,
    }


def evaluation_body(**overrides: Any) -> JSON:
    return {"counts": {"5": 20, "4": 8, "3": 2}, "comment": "内容实用", **overrides}


def activity_cancellation_body(**overrides: Any) -> JSON:
    return {"reason": "讲师临时无法到场", **overrides}


ACTIVITY_STEP_BODIES = {
    "holding": holding_body,
    "evaluation": evaluation_body,
    "cancellation": activity_cancellation_body,
}

# The steps that bring a freshly planned activity to the point where each step is allowed.
ACTIVITY_STEPS_BEFORE: dict[str, tuple[str, ...]] = {
    "holding": (),
    "evaluation": ("holding",),
    "cancellation": (),
}


def plan_activity(api: Api, key: str | None = None, **overrides: Any) -> JSON:
    """An activity planned by window A (or by ``key``), asserting that it was created."""
    response = api.post(
        "/v1/activities", key=key or api.keys.window_a, json=activity_body(**overrides)
    )
    assert response.status_code == 201, response.text
    body: JSON = response.json()
    return body


def activity_step(
    api: Api, activity_id: str, step: str, key: str | None = None, **overrides: Any
) -> JSON:
    """One step on an activity (window A's by default), asserting that it was accepted."""
    response = api.post(
        f"/v1/activities/{activity_id}/{step}",
        key=key or api.keys.window_a,
        json=ACTIVITY_STEP_BODIES[step](**overrides),
    )
    assert response.status_code == 200, response.text
    body: JSON = response.json()
    return body


def activity_ready_for(api: Api, step: str, key: str | None = None) -> str:
    """The id of an activity (window A's by default) in which ``step`` is next allowed."""
    activity_id = str(plan_activity(api, key)["id"])
    for earlier in ACTIVITY_STEPS_BEFORE[step]:
        activity_step(api, activity_id, earlier, key)
    return activity_id


# Data reports are about March 2026: requested on 1 April, due (by default) on 10 April.
REPORT_PERIOD = "2026-03"
REPORTING_NOW = datetime(2026, 4, 9, 2, 0, tzinfo=UTC)


def report_request_body(window_id: UUID, **overrides: Any) -> JSON:
    return {
        "window_id": str(window_id),
        "period": REPORT_PERIOD,
        "occurred_at": "2026-04-01T09:00:00+08:00",
        **overrides,
    }


def submission_body(**overrides: Any) -> JSON:
    return {"figures": {"enterprises_served": 152, "service_cases": 310}, **overrides}


def acceptance_body(**overrides: Any) -> JSON:
    return {"note": "数据完整", **overrides}


def return_body(**overrides: Any) -> JSON:
    return {"reasons": ["缺少服务企业名单附件"], **overrides}


REPORT_STEP_BODIES = {
    "submission": submission_body,
    "acceptance": acceptance_body,
    "return": return_body,
}

REPORT_STEPS_BEFORE: dict[str, tuple[str, ...]] = {
    "submission": (),
    "acceptance": ("submission",),
    "return": ("submission",),
}


def report_key(api: Api, step: str) -> str:
    """The key that takes ``step`` on window A's report: the window submits, the hub reviews."""
    return api.keys.window_a if step == "submission" else api.keys.hub


def request_report(api: Api, window_id: UUID | None = None, **overrides: Any) -> JSON:
    """A report requested by the hub from window A (or ``window_id``), asserting creation.

    Moves the test clock to :data:`REPORTING_NOW` (after March, before the due date) first.
    """
    api.clock.now = max(api.clock.now, REPORTING_NOW)
    response = api.post(
        "/v1/data-reports",
        key=api.keys.hub,
        json=report_request_body(window_id or api.window_a_id, **overrides),
    )
    assert response.status_code == 201, response.text
    body: JSON = response.json()
    return body


def report_step(api: Api, report_id: str, step: str, **overrides: Any) -> JSON:
    """One step on window A's report by the key whose step it is, asserting acceptance."""
    response = api.post(
        f"/v1/data-reports/{report_id}/{step}",
        key=report_key(api, step),
        json=REPORT_STEP_BODIES[step](**overrides),
    )
    assert response.status_code == 200, response.text
    body: JSON = response.json()
    return body


def report_ready_for(api: Api, step: str, period: str = REPORT_PERIOD) -> str:
    """The id of a window A report in which ``step`` is next allowed."""
    report_id = str(request_report(api, period=period)["id"])
    for earlier in REPORT_STEPS_BEFORE[step]:
        report_step(api, report_id, earlier)
    return report_id


# --- budgets and disbursements -----------------------------------------------------------------

BUDGET_YEAR = TODAY.year


def new_voucher() -> str:
    """A voucher digest (64 hex characters) no other test uses."""
    return uuid.uuid4().hex * 2


def budget_lines() -> list[JSON]:
    return [
        {
            "code": "L01",
            "category": "platform_operation",
            "description": "运营维护",
            "amount": "1000.00",
        },
        {"code": "L02", "category": "training", "description": "培训", "amount": "500.00"},
    ]


def proposal_body(**overrides: Any) -> JSON:
    return {"year": BUDGET_YEAR, "lines": budget_lines(), **overrides}


def revision_body(**overrides: Any) -> JSON:
    return {"lines": budget_lines()[:1], **overrides}


def approval_body(**overrides: Any) -> JSON:
    return {
        "lines": [
            {"code": "L01", "approved_amount": "800.00"},
            {"code": "L02", "approved_amount": "0.00"},
        ],
        "note": "同意",
        **overrides,
    }


def adjustment_body(**overrides: Any) -> JSON:
    return {"code": "L01", "approved_amount": "900.00", "reason": "追加", **overrides}


def disbursement_body(**overrides: Any) -> JSON:
    return {
        "year": BUDGET_YEAR,
        "line_code": "L01",
        "amount": "300.00",
        "payee": "宁夏云联信息技术有限公司",
        "purpose": "服务器托管费",
        "voucher_sha256": new_voucher(),
        **overrides,
    }


def disbursement_approval_body(**overrides: Any) -> JSON:
    return {"note": "同意拨付", **overrides}


def rejection_body(**overrides: Any) -> JSON:
    return {"reasons": ["凭证不全"], **overrides}


def payment_body(**overrides: Any) -> JSON:
    return {"payment_reference": "NXBANK-0001", "paid_on": TODAY.isoformat(), **overrides}


def reversal_body(**overrides: Any) -> JSON:
    return {"kind": "refund", "amount": "100.00", "reason": "退款", **overrides}


def created(response: httpx.Response) -> JSON:
    assert response.status_code == 201, response.text
    body: JSON = response.json()
    return body


def accepted(response: httpx.Response) -> JSON:
    assert response.status_code == 200, response.text
    body: JSON = response.json()
    return body


def propose_budget(api: Api, **overrides: Any) -> str:
    """The id of a budget the hub proposed."""
    body = created(api.post("/v1/budgets", key=api.keys.hub, json=proposal_body(**overrides)))
    return str(body["id"])


def approved_budget(api: Api) -> str:
    """The id of the hub's budget, approved: L01 800.00, L02 refused."""
    budget_id = propose_budget(api)
    accepted(
        api.post(f"/v1/budgets/{budget_id}/approval", key=api.keys.bureau, json=approval_body())
    )
    return budget_id


# The steps (route, key attribute, body) that bring a new disbursement to each status.
DISBURSEMENT_STEPS_TO: dict[str, tuple[tuple[str, str, Callable[[], JSON]], ...]] = {
    "requested": (),
    "approved": (("approval", "bureau", disbursement_approval_body),),
    "rejected": (("rejection", "bureau", rejection_body),),
    "paid": (
        ("approval", "bureau", disbursement_approval_body),
        ("payment", "hub", payment_body),
    ),
    "reversed": (
        ("approval", "bureau", disbursement_approval_body),
        ("payment", "hub", payment_body),
        ("reversal", "hub", lambda: reversal_body(amount="300.00")),
    ),
}


def disbursement_in(api: Api, status: str, **overrides: Any) -> str:
    """The id of a new disbursement (300.00 from L01 of the approved budget) in ``status``.

    The hub's budget must already be approved (see :func:`approved_budget`).
    """
    body = created(
        api.post("/v1/disbursements", key=api.keys.hub, json=disbursement_body(**overrides))
    )
    disbursement_id = str(body["id"])
    for route, who, make_body in DISBURSEMENT_STEPS_TO[status]:
        accepted(
            api.post(
                f"/v1/disbursements/{disbursement_id}/{route}",
                key=getattr(api.keys, who),
                json=make_body(),
            )
        )
    return disbursement_id


STORES = ["sqlite", "postgresql"]


def store_url(request: pytest.FixtureRequest) -> str:
    """The database of a ``ledger_url`` fixture parametrized by :data:`STORES`: a module that
    defines one runs each of its tests on SQLite and on a fresh, migrated PostgreSQL database."""
    if request.param == "sqlite":
        url: str = request.getfixturevalue("sqlite_url")
    else:
        url = request.getfixturevalue("postgres_url")
    return url
