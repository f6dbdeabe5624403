"""Views as they stood at a past log position (``as_of_position``): folded again from the log up
to it, they answer what the live views answered then, whatever was written since."""

from __future__ import annotations

from typing import Any

from tests.api._support import (
    BUDGET_YEAR,
    ENTERPRISE_USCC,
    Api,
    activity_ready_for,
    approved_budget,
    assert_problem,
    disbursement_in,
    report_ready_for,
    request_report,
)
from tests.api.agreements_support import propose

READS: list[tuple[str, dict[str, Any]]] = [
    ("/v1/views/participants", {}),
    ("/v1/views/service-statistics", {"year": 2026, "period": "month"}),
    (f"/v1/views/enterprises/{ENTERPRISE_USCC}/services", {}),
    ("/v1/views/activities", {"year": 2026}),
    ("/v1/views/data-report-timeliness", {"year": 2026, "as_on": "2026-05-01"}),
    ("/v1/views/funds/budget-lines", {"year": BUDGET_YEAR, "as_on": "2026-05-01"}),
    ("/v1/views/funds/disbursements", {"year": BUDGET_YEAR}),
    ("/v1/views/agreements", {"as_on": "2026-05-01"}),
    ("/v1/views/experts", {}),
]


def _network_at_work(api: Api) -> None:
    api.case_ready_for("feedback")
    activity_ready_for(api, "evaluation")
    approved_budget(api)
    disbursement_in(api, "paid")
    report_ready_for(api, "acceptance")  # in April


def test_every_view_answers_at_a_past_position_as_it_did_then(api: Api) -> None:
    _network_at_work(api)
    then = api.head()
    answered = {
        path: api.get(path, key=api.keys.auditor, params={**params, "min_position": then}).json()
        for path, params in READS
    }
    api.open_case()  # more after that position, in April
    api.open_case(key=api.keys.window_b)
    request_report(api, period="2026-02", due_on="2026-04-20")
    propose(api)

    changed = []
    for path, params in READS:
        past = api.get(path, key=api.keys.auditor, params={**params, "as_of_position": then})
        assert past.status_code == 200, (path, past.text)
        assert past.json() == answered[path], path
        now = api.get(path, key=api.keys.auditor, params={**params, "min_position": api.head()})
        changed.append(now.json() != answered[path])
    assert sum(changed) >= 4  # the writes since show in the live views


def test_the_reconciliation_is_not_read_at_a_past_position(api: Api) -> None:
    # It ties each payment to its resource as it is now: at a past position, the trail is read.
    response = api.get(
        "/v1/views/funds/reconciliation", key=api.keys.auditor,
        params={"year": BUDGET_YEAR, "as_of_position": api.head()},
    )  # fmt: skip

    assert_problem(response, 422, "not_at_a_position")


def test_a_position_beyond_the_log_is_refused(api: Api) -> None:
    beyond = api.get(
        "/v1/views/participants", key=api.keys.auditor, params={"as_of_position": api.head() + 1}
    )
    as_csv = api.get(
        "/v1/views/participants", key=api.keys.auditor,
        params={"as_of_position": api.head(), "format": "csv"},
    )  # fmt: skip

    assert_problem(beyond, 422, "position_beyond_head")
    assert as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
