"""A data report is requested → submitted → accepted, or returned and submitted again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest

from ledger.application.interface.data_reports import data_report_view
from ledger.domain import ids
from ledger.domain.data_report import (
    MAX_FIGURES,
    DataReport,
    ReportKind,
    ReportPeriod,
    ReportStatus,
    Submission,
    parse_period,
)
from ledger.domain.envelope import Envelope
from ledger.domain.errors import InvalidReportPeriodError
from tests.unit.builders import (
    OTHER_WINDOW_ID,
    WINDOW_ID,
    assert_refused,
    assert_refused_unchanged,
    meta,
)

HUB_ID = UUID("00000000-0000-4000-8000-0000000000a0")
OTHER_HUB_ID = UUID("00000000-0000-4000-8000-0000000000a1")
MARCH = parse_period("2026-03")
# 09:00 in Ningxia on 1 April 2026: the hub asks for March's report, due on 10 April.
REQUESTED_AT = datetime(2026, 4, 1, 1, 0, tzinfo=UTC)
SUBMITTED_AT = datetime(2026, 4, 8, 2, 0, tzinfo=UTC)
REVIEWED_AT = datetime(2026, 4, 9, 2, 0, tzinfo=UTC)
# The last instant of 10 April in Ningxia, and the first of the 11th.
DUE_DAY_LAST_INSTANT = datetime(2026, 4, 10, 15, 59, 59, tzinfo=UTC)
DAY_AFTER_DUE = datetime(2026, 4, 10, 16, 0, tzinfo=UTC)
SUBMISSION = Submission({"enterprises_served": 152, "service_cases": 310, "activities_held": 3})
DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def hub(when: datetime = REVIEWED_AT, hub_id: UUID = HUB_ID) -> Envelope:
    return meta(platform_id=hub_id, occurred_at=when)


def window(when: datetime = SUBMITTED_AT, window_id: UUID = WINDOW_ID) -> Envelope:
    return meta(platform_id=window_id, occurred_at=when)


def requested(
    period: ReportPeriod = MARCH, due_on: date | None = None, when: datetime = REQUESTED_AT
) -> DataReport:
    return DataReport.request(
        window_id=WINDOW_ID, hub_id=HUB_ID, period=period, due_on=due_on, meta=hub(when)
    )


def submitted(when: datetime = SUBMITTED_AT) -> DataReport:
    report = requested()
    report.submit(SUBMISSION, window(when))
    return report


def returned() -> DataReport:
    report = submitted()
    report.return_to_window(["缺少服务企业名单"], hub())
    return report


def accepted() -> DataReport:
    report = submitted()
    report.accept("数据完整", hub())
    return report


# --- periods and due dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "first", "last", "due"),
    [
        ("2026-03", ReportKind.MONTHLY, date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 10)),
        ("2024-02", ReportKind.MONTHLY, date(2024, 2, 1), date(2024, 2, 29), date(2024, 3, 10)),
        ("2026-12", ReportKind.MONTHLY, date(2026, 12, 1), date(2026, 12, 31), date(2027, 1, 10)),
        ("2026-Q1", ReportKind.QUARTERLY, date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 15)),
        ("2026-Q3", ReportKind.QUARTERLY, date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 15)),
        ("2026-Q4", ReportKind.QUARTERLY, date(2026, 10, 1), date(2026, 12, 31), date(2027, 1, 15)),
    ],
)
def test_a_period_knows_its_days_and_its_default_due_date(
    text: str, kind: ReportKind, first: date, last: date, due: date
) -> None:
    period = parse_period(text)
    assert (period.text, period.kind, period.first_day, period.last_day) == (
        text,
        kind,
        first,
        last,
    )
    assert period.default_due_on == due


def test_a_period_is_written_canonically() -> None:
    assert parse_period(" 2026-q2 ").text == "2026-Q2"


NOT_PERIODS = ["2026-13", "2026-00", "2026-Q0", "2026-Q5", "26-03", "2026-3", "2026/03", "2026"]
# Outside 2000-2099, empty, and full-width digits (which int() would read as 2026).
NOT_PERIODS += ["1999-12", "2100-01", "", "２０２６-03"]


@pytest.mark.parametrize("text", NOT_PERIODS)
def test_a_period_that_is_not_a_month_or_quarter_is_refused(text: str) -> None:
    with pytest.raises(InvalidReportPeriodError) as excinfo:
        parse_period(text)
    assert excinfo.value.code == "invalid_report_period"


def test_a_report_is_due_by_the_default_rule_unless_the_hub_names_a_date() -> None:
    assert requested().due_on == date(2026, 4, 10)
    assert requested(due_on=date(2026, 4, 20)).due_on == date(2026, 4, 20)


def test_a_report_is_one_stream_per_window_and_period() -> None:
    report = requested()
    assert report.id == ids.data_report_id(WINDOW_ID, "2026-03")
    assert report.id != requested(parse_period("2026-Q1")).id


def test_a_hub_requests_reports_only_in_its_own_name() -> None:
    assert_refused(
        "not_report_hub",
        lambda: DataReport.request(
            window_id=WINDOW_ID,
            hub_id=HUB_ID,
            period=MARCH,
            due_on=None,
            meta=hub(REQUESTED_AT, OTHER_HUB_ID),
        ),
    )


@pytest.mark.parametrize(
    "due_on",
    [
        pytest.param(date(2026, 3, 31), id="last-day-of-period"),
        pytest.param(date(2026, 3, 15), id="within-period"),
        pytest.param(date(2027, 4, 2), id="more-than-366-days-after"),
    ],
)
def test_a_due_date_falls_after_the_period_and_within_366_days(due_on: date) -> None:
    assert_refused("invalid_due_date", lambda: requested(due_on=due_on, when=REQUESTED_AT))


def test_a_due_date_may_be_366_days_after_the_period() -> None:
    assert requested(due_on=date(2027, 4, 1)).due_on == date(2027, 4, 1)


def test_a_due_date_cannot_be_before_the_day_the_report_is_requested() -> None:
    when = datetime(2026, 4, 12, 1, 0, tzinfo=UTC)
    assert_refused("invalid_due_date", lambda: requested(due_on=date(2026, 4, 11), when=when))
    error = assert_refused("invalid_due_date", lambda: requested(when=when))
    assert "default due date" in error.detail
    assert requested(due_on=date(2026, 4, 12), when=when).due_on == date(2026, 4, 12)


# --- submission and lateness ----------------------------------------------------------------


def test_a_report_goes_from_requested_to_accepted() -> None:
    report = requested()
    statuses = [report.status]
    report.submit(SUBMISSION, window())
    statuses.append(report.status)
    report.accept("数据完整", hub())
    statuses.append(report.status)

    assert statuses == [ReportStatus.REQUESTED, ReportStatus.SUBMITTED, ReportStatus.ACCEPTED]
    assert report.late is False
    assert report.acceptance_note == "数据完整"
    assert [type(e) for e in report.collect_events()] == [
        DataReport.Requested,
        DataReport.Submitted,
        DataReport.Accepted,
    ]


def test_a_submission_on_the_due_date_in_ningxia_is_on_time() -> None:
    report = submitted(DUE_DAY_LAST_INSTANT)
    assert report.late is False
    assert report.submissions[0].submitted_on == date(2026, 4, 10)


def test_a_submission_after_the_due_date_in_ningxia_is_recorded_as_late() -> None:
    # 16:00 UTC on 10 April is already the 11th in Ningxia, though still the 10th in UTC.
    report = submitted(DAY_AFTER_DUE)
    assert report.late is True
    assert report.status is ReportStatus.SUBMITTED
    (event,) = [e for e in report.collect_events() if isinstance(e, DataReport.Submitted)]
    assert (event.late, event.submitted_on) == (True, date(2026, 4, 11))


def test_a_report_is_submitted_only_after_its_period_ends() -> None:
    last_evening = datetime(2026, 3, 31, 15, 59, 59, tzinfo=UTC)
    early = DataReport.request(
        window_id=WINDOW_ID,
        hub_id=HUB_ID,
        period=MARCH,
        due_on=None,
        meta=hub(last_evening - timedelta(hours=1)),
    )
    error = assert_refused(
        "report_period_not_ended", lambda: early.submit(SUBMISSION, window(last_evening))
    )
    assert error.context == {"last_day": "2026-03-31"}
    early.submit(SUBMISSION, window(last_evening + timedelta(seconds=1)))
    assert early.status is ReportStatus.SUBMITTED


def test_figures_are_stored_by_name_and_the_digest_in_lower_case() -> None:
    report = requested()
    report.submit(Submission({"b_count": 2, "a_count": 0}, DIGEST.upper()), window())

    (record,) = report.submissions
    assert record.figures == {"a_count": 0, "b_count": 2}
    assert list(record.figures) == ["a_count", "b_count"]
    assert record.document_sha256 == DIGEST


def test_a_submission_may_be_only_the_digest_of_the_report_file() -> None:
    report = requested()
    report.submit(Submission({}, DIGEST), window())
    assert report.submissions[0].figures == {}


def test_an_empty_submission_is_refused() -> None:
    report = requested()
    assert_refused("empty_submission", lambda: report.submit(Submission({}), window()))


@pytest.mark.parametrize(
    "figures",
    [
        pytest.param({"Enterprises": 1}, id="upper-case-name"),
        pytest.param({"1st": 1}, id="starts-with-digit"),
        pytest.param({"served-count": 1}, id="hyphen"),
        pytest.param({"x" * 65: 1}, id="name-too-long"),
        pytest.param({"served": -1}, id="negative"),
        pytest.param({"served": 10**12}, id="too-large"),
        pytest.param({"served": True}, id="bool"),
        pytest.param({"served": 1.5}, id="float"),
        pytest.param({f"f{n}": 1 for n in range(MAX_FIGURES + 1)}, id="too-many"),
    ],
)
def test_figures_are_named_counts(figures: dict[str, int]) -> None:
    report = requested()
    assert_refused("invalid_report_figures", lambda: report.submit(Submission(figures), window()))


@pytest.mark.parametrize("digest", ["abc", DIGEST[:-1], DIGEST + "0", "g" * 64, ""])
def test_a_document_digest_is_a_sha256(digest: str) -> None:
    report = requested()
    assert_refused(
        "invalid_document_digest", lambda: report.submit(Submission({"a": 1}, digest), window())
    )


def test_the_most_figures_a_report_carries_are_accepted() -> None:
    report = requested()
    report.submit(Submission({f"f{n}": n for n in range(MAX_FIGURES)}), window())
    assert len(report.submissions[0].figures) == MAX_FIGURES


# --- review and resubmission ----------------------------------------------------------------


def test_a_returned_report_carries_its_reasons_and_is_submitted_again() -> None:
    report = returned()
    statuses = [report.status]
    report.submit(SUBMISSION, window(REVIEWED_AT + timedelta(hours=1)))
    statuses.append(report.status)

    assert statuses == [ReportStatus.RETURNED, ReportStatus.SUBMITTED]
    assert len(report.submissions) == 2
    assert data_report_view(report)["returns"] == [{"reasons": ["缺少服务企业名单"]}]


def test_blank_reasons_are_dropped_and_at_least_one_is_required() -> None:
    report = submitted()
    assert_refused("reason_required", lambda: report.return_to_window([" ", ""], hub()))
    assert_refused("reason_required", lambda: report.return_to_window([], hub()))
    report.return_to_window([" 数据不全 ", " "], hub())
    assert report.returns == [("数据不全",)]


def test_a_report_first_submitted_on_time_stays_on_time_when_corrected_after_the_due_date() -> None:
    report = returned()
    report.submit(SUBMISSION, window(DAY_AFTER_DUE))

    assert [s.late for s in report.submissions] == [False, True]
    assert report.late is False
    assert data_report_view(report)["late"] is False


def test_a_report_first_submitted_late_stays_late_however_it_is_corrected() -> None:
    report = submitted(DAY_AFTER_DUE)
    report.return_to_window(["格式错误"], hub(DAY_AFTER_DUE + timedelta(hours=1)))
    report.submit(SUBMISSION, window(DAY_AFTER_DUE + timedelta(hours=2)))

    assert [s.late for s in report.submissions] == [True, True]
    assert report.late is True


def test_lateness_is_unknown_until_the_first_submission() -> None:
    assert requested().late is None
    assert data_report_view(requested())["late"] is None


def test_a_report_never_submitted_is_overdue_after_its_due_date() -> None:
    report = requested()
    assert not report.is_overdue(date(2026, 4, 10))
    assert report.is_overdue(date(2026, 4, 11))
    assert not submitted().is_overdue(date(2026, 4, 11))


def _submit(report: DataReport, when: datetime) -> None:
    report.submit(SUBMISSION, window(when))


def _accept(report: DataReport, when: datetime) -> None:
    report.accept("", hub(when))


def _return(report: DataReport, when: datetime) -> None:
    report.return_to_window(["重报"], hub(when))


STEPS = {"submit": _submit, "accept": _accept, "return": _return}
LATER = REVIEWED_AT + timedelta(days=1)

ILLEGAL = [
    pytest.param(submitted, "submit", "report_awaiting_review", id="submit-twice"),
    pytest.param(accepted, "submit", "report_accepted", id="submit-after-acceptance"),
    pytest.param(requested, "accept", "report_not_submitted", id="accept-before-submission"),
    pytest.param(returned, "accept", "report_not_submitted", id="accept-returned"),
    pytest.param(accepted, "accept", "report_accepted", id="accept-twice"),
    pytest.param(requested, "return", "report_not_submitted", id="return-before-submission"),
    pytest.param(returned, "return", "report_not_submitted", id="return-twice"),
    pytest.param(accepted, "return", "report_accepted", id="return-after-acceptance"),
]


@pytest.mark.parametrize(("build", "step", "code"), ILLEGAL)
def test_an_illegal_transition_is_refused_and_records_nothing(
    build: Callable[[], DataReport], step: str, code: str
) -> None:
    assert_refused_unchanged(build(), code, lambda report: STEPS[step](report, LATER))


def test_only_the_window_asked_submits_the_report() -> None:
    report = requested()
    assert_refused(
        "not_report_window", lambda: report.submit(SUBMISSION, window(window_id=OTHER_WINDOW_ID))
    )
    assert_refused("not_report_window", lambda: report.submit(SUBMISSION, hub(SUBMITTED_AT)))


@pytest.mark.parametrize("step", ["accept", "return"])
def test_only_the_requesting_hub_reviews_the_report(step: str) -> None:
    report = submitted()
    action = {
        "accept": lambda: report.accept("", hub(hub_id=OTHER_HUB_ID)),
        "return": lambda: report.return_to_window(["x"], hub(hub_id=OTHER_HUB_ID)),
    }[step]
    assert_refused("not_report_hub", action)


@pytest.mark.parametrize(
    ("build", "step", "when"),
    [
        pytest.param(requested, "submit", REQUESTED_AT - timedelta(seconds=1), id="submit"),
        pytest.param(submitted, "accept", SUBMITTED_AT - timedelta(seconds=1), id="accept"),
        pytest.param(submitted, "return", SUBMITTED_AT - timedelta(seconds=1), id="return"),
    ],
)
def test_a_step_cannot_happen_before_the_step_it_follows(
    build: Callable[[], DataReport], step: str, when: datetime
) -> None:
    report = build()
    assert_refused("occurred_before_previous_step", lambda: STEPS[step](report, when))


def test_replaying_the_events_rebuilds_the_same_report() -> None:
    report = returned()
    report.submit(SUBMISSION, window(DAY_AFTER_DUE))
    report.accept("好", hub(DAY_AFTER_DUE + timedelta(hours=1)))
    copy: DataReport | None = None
    for event in report.collect_events():
        copy = event.mutate(copy)
    assert copy is not None
    assert data_report_view(copy) == data_report_view(report)
