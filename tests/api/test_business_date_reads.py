"""Reads by business time: a resource as it stood on a business date, and what the ledger knew at
a record time about a business date; the record-time read (``as_of``) is unchanged beside them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api._support import STORES, Api, assert_problem, store_url


@pytest.fixture(params=STORES)
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Every test here runs on SQLite and on PostgreSQL."""
    return store_url(request)


OPENED = "2026-01-19T09:00:00+08:00"
DELIVERED_ON = "2026-01-20"
# Everything below is recorded on 2 March 2026, weeks after it happened.


def _recorded_late(api: Api) -> str:
    """A case opened on 19 January and delivered on the 20th, both recorded on 2 March."""
    case_id = str(api.open_case(occurred_at=OPENED)["id"])
    api.step(case_id, "assignment", occurred_at="2026-01-19T10:00:00+08:00")
    api.clock.advance(seconds=1)
    api.step(
        case_id, "delivery", delivered_on=DELIVERED_ON, occurred_at="2026-01-20T16:00:00+08:00"
    )
    return case_id


def _read(api: Api, case_id: str, **params: str) -> Any:
    return api.get(f"/v1/service-cases/{case_id}", key=api.keys.auditor, params=params)


def test_a_case_recorded_late_reads_as_it_stood_on_its_business_dates(api: Api) -> None:
    case_id = _recorded_late(api)

    on_the_21st = _read(api, case_id, business_date="2026-01-21")
    on_the_19th = _read(api, case_id, business_date="2026-01-19")
    before = _read(api, case_id, business_date="2026-01-18")

    assert on_the_21st.status_code == 200, on_the_21st.text
    assert on_the_21st.json()["status"] == "delivered"
    assert on_the_21st.json()["delivery"]["delivered_on"] == DELIVERED_ON
    assert on_the_19th.json()["status"] == "assigned"
    assert_problem(before, 404, "service_case_not_found")
    # by record time it did not exist on the 21st of January: the two clocks answer apart
    assert_problem(
        _read(api, case_id, as_of="2026-01-21T00:00:00+08:00"), 404, "service_case_not_found"
    )


def test_what_was_known_at_a_record_time_about_a_business_date(api: Api) -> None:
    case_id = _recorded_late(api)
    opened_and_assigned = api.history(case_id)[1]["recorded_at"]

    known = _read(api, case_id, business_date="2026-01-21", as_of=opened_and_assigned)

    assert known.status_code == 200, known.text
    assert known.json()["status"] == "assigned"  # the delivery was recorded a second later


def test_a_business_date_and_a_version_conflict(api: Api) -> None:
    case_id = _recorded_late(api)

    response = _read(api, case_id, business_date="2026-01-21", version="1")

    assert_problem(response, 400, "conflicting_parameters")


def test_a_business_date_read_keeps_the_readers_rules(api: Api) -> None:
    case_id = _recorded_late(api)

    response = api.get(
        f"/v1/service-cases/{case_id}",
        key=api.keys.window_b,
        params={"business_date": "2026-01-21"},
    )

    assert_problem(response, 404, "service_case_not_found")


def test_a_business_date_is_a_date(api: Api) -> None:
    case_id = _recorded_late(api)

    for bad in ("2026-13-01", "yesterday", "2026-01-21T09:30:00+08:00"):
        assert_problem(_read(api, case_id, business_date=bad), 422, "validation_failed")
