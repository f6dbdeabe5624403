"""The hub's entrustment of its operator (Art. 6.1, 12, 13): acceptance, the yearly appraisal,
renewal earned by it, lapse without an event, and early termination."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from ledger.domain.entrustment import Entrustment
from ledger.domain.entrustment_terms import (
    EntrustmentStatus,
    ExpertMarks,
    Scope,
    Term,
    total_and_grade,
)
from ledger.domain.envelope import Envelope
from tests.unit.builders import refusal_code

HUB_ID = UUID("00000000-0000-4000-8000-0000000000a1")
OTHER_HUB_ID = UUID("00000000-0000-4000-8000-0000000000a2")
MADE_AT = datetime(2025, 1, 6, 2, 0, tzinfo=UTC)  # 10:00 on 6 January 2025 in Ningxia
OPERATOR_USCC = "91640100MA77000015"
SIGNED = "a1" * 32
RENEWED = "b2" * 32
EXPERTS = [UUID(int=n) for n in (11, 12, 13)]


def meta(at: datetime, platform_id: UUID | None = HUB_ID) -> Envelope:
    return Envelope(
        actor="key:hub", platform_id=platform_id, correlation_id="req-test", causation_id=None,
        occurred_at=at,
    )  # fmt: skip


def in_2026(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 2, 0, tzinfo=UTC)


def made(scope: str = "both") -> Entrustment:
    return Entrustment.make(
        hub_id=HUB_ID, external_ref="WT-2025-001", operator_name=" 宁夏运营有限公司 ",
        operator_uscc=OPERATOR_USCC, scope=scope,
        term=Term(date(2025, 1, 1), date(2025, 12, 31), SIGNED.upper()), meta=meta(MADE_AT),
    )  # fmt: skip


def accepted() -> Entrustment:
    entrustment = made()
    entrustment.accept(document_sha256=SIGNED, meta=meta(MADE_AT + timedelta(days=2)))
    return entrustment


def marks(*scores: int) -> list[ExpertMarks]:
    return [ExpertMarks(expert, s, s, s) for expert, s in zip(EXPERTS, scores, strict=False)]


def appraised(*scores: int) -> Entrustment:
    entrustment = accepted()
    entrustment.appraise(year=2025, marks=marks(*scores), note="", meta=meta(in_2026(2, 10)))
    return entrustment


def test_an_accepted_entrustment_is_in_force_through_its_term_and_lapses_after_it() -> None:
    entrustment = accepted()

    assert entrustment.status_on(date(2024, 12, 31)) is EntrustmentStatus.NOT_YET_IN_FORCE
    assert entrustment.in_force_on(date(2025, 1, 1))
    assert entrustment.in_force_on(date(2025, 12, 31), Scope.SERVICE_HALL)
    assert entrustment.status_on(date(2026, 1, 1)) is EntrustmentStatus.LAPSED
    assert (entrustment.operator_name, entrustment.terms[0].document_sha256) == (
        "宁夏运营有限公司",
        SIGNED,
    )


def test_before_its_acceptance_an_entrustment_is_in_force_on_no_day() -> None:
    entrustment = made()

    assert entrustment.status_on(date(2025, 6, 1)) is EntrustmentStatus.AWAITING_ACCEPTANCE
    assert not entrustment.in_force_on(date(2025, 6, 1))


def test_the_scope_says_which_part_of_the_hub_the_operator_runs() -> None:
    entrustment = Entrustment.make(
        hub_id=HUB_ID, external_ref="WT-2025-002", operator_name="线上运营公司",
        operator_uscc=OPERATOR_USCC, scope="online_platform",
        term=Term(date(2025, 1, 1), date(2025, 12, 31), SIGNED), meta=meta(MADE_AT),
    )  # fmt: skip
    entrustment.accept(document_sha256=SIGNED, meta=meta(MADE_AT))

    assert entrustment.in_force_on(date(2025, 3, 1), Scope.ONLINE_PLATFORM)
    assert not entrustment.in_force_on(date(2025, 3, 1), Scope.SERVICE_HALL)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"operator_uscc": "91640100MA77000016"}, "invalid_uscc"),
        ({"scope": "everything"}, "invalid_entrustment_scope"),
        ({"term": Term(date(2025, 1, 1), date(2025, 1, 1), SIGNED)}, "invalid_entrustment_term"),
        ({"term": Term(date(2025, 1, 1), date(2025, 12, 31), "xyz")}, "invalid_document_digest"),
        ({"operator_name": "  "}, "blank_field"),
        ({"hub_id": OTHER_HUB_ID}, "not_the_entrusting_hub"),
    ],
)
def test_an_entrustment_with_a_broken_rule_is_refused(change: dict[str, object], code: str) -> None:
    fields: dict[str, object] = {
        "hub_id": HUB_ID, "external_ref": "WT-1", "operator_name": "运营公司",
        "operator_uscc": OPERATOR_USCC, "scope": "both",
        "term": Term(date(2025, 1, 1), date(2025, 12, 31), SIGNED), "meta": meta(MADE_AT),
        **change,
    }  # fmt: skip

    assert refusal_code(lambda: Entrustment.make(**fields)) == code  # type: ignore[arg-type]


def test_the_operator_accepts_only_the_document_recorded_and_only_once() -> None:
    entrustment = made()
    later = meta(MADE_AT + timedelta(days=1))

    assert (
        refusal_code(lambda: entrustment.accept(document_sha256=RENEWED, meta=later))
        == "document_digest_mismatch"
    )
    entrustment.accept(document_sha256=SIGNED, meta=later)
    assert (
        refusal_code(lambda: entrustment.accept(document_sha256=SIGNED, meta=later))
        == "entrustment_step_out_of_order"
    )


def test_the_appraisal_averages_each_area_over_the_panel_and_grades_the_total() -> None:
    entrustment = accepted()
    panel = [
        ExpertMarks(EXPERTS[0], 80, 70, 90),
        ExpertMarks(EXPERTS[1], 70, 60, 80),
        ExpertMarks(EXPERTS[2], 60, 65, 70),
    ]

    entrustment.appraise(year=2025, marks=panel, note=" 平稳 ", meta=meta(in_2026(2, 10)))

    appraisal = entrustment.appraisals[2025]
    # (70 + 65 + 80) / 3 = 71.666…, shown rounded down: never above what was earned.
    assert (appraisal.total, appraisal.grade, appraisal.note) == (Decimal("71.66"), "合格", "平稳")


def test_the_grade_is_decided_on_the_exact_mean() -> None:
    # 67 experts: the areas average 90, 90 and 6,029 / 67 = 89.985…, a mean of 89.995…, which
    # rounded to hundredths would have read 90.00, 优秀.
    panel = [
        {"overall_operation": 90, "service_performance": 90, "use_of_funds": 90 - (n == 0)}
        for n in range(67)
    ]

    assert total_and_grade(panel) == (Decimal("89.99"), "合格")
    assert total_and_grade(panel[1:]) == (Decimal("90.00"), "优秀")


@pytest.mark.parametrize(
    ("scores", "grade"), [((95, 92, 90), "优秀"), ((60, 60, 60), "合格"), ((59, 60, 59), "不合格")]
)
def test_the_grade_bands_are_those_of_the_shipped_schemes(
    scores: tuple[int, ...], grade: str
) -> None:
    assert appraised(*scores).appraisals[2025].grade == grade


@pytest.mark.parametrize(
    ("year", "panel", "at", "code"),
    [
        (2026, marks(80, 80, 80), in_2026(2, 10), "invalid_operator_appraisal_year"),  # not over
        (2024, marks(80, 80, 80), in_2026(2, 10), "invalid_operator_appraisal_year"),  # not run
        (2025, marks(80, 80), in_2026(2, 10), "expert_scores_missing"),
        (2025, [*marks(80, 80), ExpertMarks(EXPERTS[0], 1, 1, 1)], in_2026(2, 10),
         "expert_already_scored"),
        (2025, [*marks(80, 80, 80)[:2], ExpertMarks(EXPERTS[2], 101, 1, 1)], in_2026(2, 10),
         "invalid_expert_score"),
        (2025, marks(80, 80, 80), MADE_AT, "occurred_before_previous_step"),
    ],
)  # fmt: skip
def test_an_appraisal_that_breaks_a_rule_is_refused(
    year: int, panel: list[ExpertMarks], at: datetime, code: str
) -> None:
    entrustment = accepted()

    assert (
        refusal_code(lambda: entrustment.appraise(year=year, marks=panel, note="", meta=meta(at)))
        == code
    )
    assert entrustment.appraisals == {}


def test_a_year_is_appraised_once_and_only_after_acceptance() -> None:
    not_accepted = made()
    once = appraised(80, 80, 80)
    again = meta(in_2026(2, 11))

    assert (
        refusal_code(
            lambda: not_accepted.appraise(year=2025, marks=marks(80, 80, 80), note="", meta=again)
        )
        == "entrustment_step_out_of_order"
    )
    assert (
        refusal_code(lambda: once.appraise(year=2025, marks=marks(90, 90, 90), note="", meta=again))
        == "operator_already_appraised"
    )


def test_a_passing_appraisal_earns_a_renewal_from_the_day_after_the_term() -> None:
    entrustment = appraised(75, 80, 85)

    entrustment.renew(
        ends_on=date(2026, 12, 31), document_sha256=RENEWED, meta=meta(in_2026(2, 15))
    )

    assert [(t.starts_on, t.ends_on) for t in entrustment.terms] == [
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 12, 31)),
    ]
    assert entrustment.renewals[0].appraisal_year == 2025
    assert entrustment.in_force_on(date(2026, 1, 1))
    assert entrustment.status_on(date(2027, 1, 1)) is EntrustmentStatus.LAPSED


@pytest.mark.parametrize("entrustment", [accepted, lambda: appraised(50, 55, 58)])
def test_a_renewal_without_a_passing_appraisal_of_the_last_year_is_refused(
    entrustment: object,
) -> None:
    refused: Entrustment = entrustment()  # type: ignore[operator]

    assert (
        refusal_code(
            lambda: refused.renew(
                ends_on=date(2026, 12, 31), document_sha256=RENEWED, meta=meta(in_2026(2, 15))
            )
        )
        == "renewal_not_earned"
    )
    assert len(refused.terms) == 1
    assert refused.status_on(date(2026, 1, 1)) is EntrustmentStatus.LAPSED


def test_one_appraisal_earns_one_renewal() -> None:
    entrustment = appraised(80, 80, 80)
    entrustment.renew(
        ends_on=date(2026, 12, 31), document_sha256=RENEWED, meta=meta(in_2026(2, 15))
    )

    assert (
        refusal_code(
            lambda: entrustment.renew(
                ends_on=date(2027, 12, 31), document_sha256=RENEWED, meta=meta(in_2026(2, 16))
            )
        )
        == "entrustment_step_out_of_order"
    )


def test_a_renewed_term_ends_after_it_starts() -> None:
    entrustment = appraised(80, 80, 80)

    assert (
        refusal_code(
            lambda: entrustment.renew(
                ends_on=date(2026, 1, 1), document_sha256=RENEWED, meta=meta(in_2026(2, 15))
            )
        )
        == "invalid_entrustment_term"
    )


def test_an_early_termination_ends_it_from_its_day_and_then_it_accepts_nothing() -> None:
    entrustment = accepted()
    now = meta(datetime(2025, 6, 1, 2, 0, tzinfo=UTC))

    assert (
        refusal_code(
            lambda: entrustment.terminate(reason="违约", effective_on=date(2025, 5, 31), meta=now)
        )
        == "invalid_termination_date"
    )
    entrustment.terminate(reason=" 违约 ", effective_on=date(2025, 7, 1), meta=now)

    assert entrustment.in_force_on(date(2025, 6, 30))
    assert entrustment.status_on(date(2025, 7, 1)) is EntrustmentStatus.TERMINATED
    assert (
        refusal_code(lambda: entrustment.accept(document_sha256=SIGNED, meta=now))
        == "entrustment_terminated"
    )


def test_only_the_entrusting_hub_acts_on_it() -> None:
    entrustment = made()

    assert (
        refusal_code(
            lambda: entrustment.accept(document_sha256=SIGNED, meta=meta(MADE_AT, OTHER_HUB_ID))
        )
        == "not_the_entrusting_hub"
    )
