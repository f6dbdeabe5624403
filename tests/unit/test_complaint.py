"""Complaints and violations (Art. 15): the order of the steps, who answers, and the deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest

from ledger.domain import ids
from ledger.domain.complaint import Complaint, ComplaintCategory, ComplaintStatus, SubjectKind
from ledger.domain.envelope import Envelope
from ledger.domain.time import recording
from ledger.domain.violation import Severity, Violation, ViolationStatus
from tests.unit.builders import refusal_code

WINDOW_ID = UUID("00000000-0000-4000-8000-000000000001")
OTHER_WINDOW_ID = UUID("00000000-0000-4000-8000-000000000002")
HUB_ID = UUID("00000000-0000-4000-8000-0000000000a1")
LODGED_AT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 on 2 March in Ningxia
ENTERPRISE_USCC = "91440101MA5CJQ4N59"


def meta(platform_id: UUID | None = HUB_ID, days: float = 0) -> Envelope:
    return Envelope(
        actor=f"key:{platform_id}",
        platform_id=platform_id,
        correlation_id="req-test",
        causation_id=None,
        occurred_at=LODGED_AT + timedelta(days=days),
    )


def lodged(**overrides: object) -> Complaint:
    fields: dict[str, object] = {
        "external_ref": "TS-001",
        "subject_id": WINDOW_ID,
        "subject_kind": SubjectKind.WINDOW,
        "complainant_uscc": ENTERPRISE_USCC,
        "category": ComplaintCategory.FEES,
        "summary": " 公益服务被收费 ",
        "evidence_sha256": None,
        "meta": meta(),
        **overrides,
    }
    # Loosely typed on purpose: tests send wrong values too.
    return Complaint.lodge(**fields)  # type: ignore[arg-type]


def accepted() -> Complaint:
    complaint = lodged()
    complaint.accept(response_due_on=date(2026, 3, 12), note="受理", meta=meta(days=1))
    return complaint


def responded() -> Complaint:
    complaint = accepted()
    complaint.respond(statement="已退费", evidence_sha256=None, meta=meta(WINDOW_ID, days=2))
    return complaint


def upheld() -> Complaint:
    complaint = responded()
    complaint.conclude(upheld=True, findings="收费属实", meta=meta(days=3))
    return complaint


def test_a_complaint_is_lodged_against_its_subject_under_its_reference() -> None:
    complaint = lodged()

    assert complaint.id == ids.complaint_id("TS-001")
    assert (complaint.status, complaint.subject_id) == (ComplaintStatus.LODGED, WINDOW_ID)
    assert (complaint.summary, complaint.lodged_on) == ("公益服务被收费", date(2026, 3, 2))


def test_a_complaint_may_be_recorded_on_an_unnamed_complainants_behalf() -> None:
    assert lodged(complainant_uscc=None).complainant_uscc is None


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        pytest.param({"summary": "  "}, "blank_field", id="blank-summary"),
        pytest.param({"complainant_uscc": "91440101MA5CJQ4N50"}, "invalid_uscc", id="bad-uscc"),
        pytest.param({"evidence_sha256": "ab" * 10}, "invalid_sha256", id="bad-digest"),
    ],
)
def test_a_complaint_with_wrong_content_is_refused(overrides: dict[str, object], code: str) -> None:
    assert refusal_code(lambda: lodged(**overrides)) == code


def test_the_subject_is_heard_then_the_complaint_is_upheld() -> None:
    complaint = upheld()

    assert complaint.status is ComplaintStatus.UPHELD
    assert (complaint.response, complaint.findings) == ("已退费", "收费属实")


def test_acceptance_gives_the_subject_fifteen_days_by_default() -> None:
    complaint = lodged()
    complaint.accept(response_due_on=None, note="", meta=meta(days=1))

    assert complaint.response_due_on == date(2026, 3, 18)


def test_the_day_to_answer_lies_after_the_acceptance() -> None:
    complaint = lodged()

    code = refusal_code(
        lambda: complaint.accept(response_due_on=date(2026, 3, 3), note="", meta=meta(days=1))
    )

    assert code == "invalid_response_deadline"


def test_a_dismissal_needs_reasons_and_ends_the_complaint() -> None:
    complaint = lodged()
    assert refusal_code(lambda: complaint.dismiss(reasons=" ", meta=meta())) == "reasons_required"

    complaint.dismiss(reasons="不属于受理范围", meta=meta(days=1))

    assert complaint.status is ComplaintStatus.DISMISSED
    step = lambda: complaint.accept(response_due_on=None, note="", meta=meta(days=2))  # noqa: E731
    assert refusal_code(step) == "complaint_step_out_of_order"


def test_only_the_subject_answers_and_only_an_accepted_complaint() -> None:
    complaint = accepted()

    def answer(platform_id: UUID | None) -> None:
        complaint.respond(statement="说明", evidence_sha256=None, meta=meta(platform_id, 2))

    assert refusal_code(lambda: answer(OTHER_WINDOW_ID)) == "not_complaint_subject"
    assert refusal_code(lambda: answer(HUB_ID)) == "not_complaint_subject"
    assert refusal_code(lambda: lodged().respond(statement="x", evidence_sha256=None,
                                                 meta=meta(WINDOW_ID))) == (
        "complaint_step_out_of_order"
    )  # fmt: skip


def test_a_silent_subject_delays_the_conclusion_until_its_day_has_passed() -> None:
    complaint = accepted()

    def conclude(days: int) -> None:
        with recording(LODGED_AT + timedelta(days=days)):
            complaint.conclude(upheld=False, findings="不成立", meta=meta(days=days))

    assert refusal_code(lambda: conclude(10)) == "complaint_response_pending"
    conclude(11)
    assert complaint.status is ComplaintStatus.NOT_UPHELD


def test_a_step_cannot_precede_the_one_before_it() -> None:
    complaint = lodged()

    code = refusal_code(lambda: complaint.dismiss(reasons="理由", meta=meta(days=-1)))

    assert code == "occurred_before_previous_step"


def test_conclusions_need_findings_and_happen_once() -> None:
    complaint = responded()
    blank = refusal_code(lambda: complaint.conclude(upheld=True, findings="", meta=meta(days=3)))
    assert blank == "blank_field"
    complaint.conclude(upheld=True, findings="属实", meta=meta(days=3))

    again = lambda: complaint.conclude(upheld=False, findings="x", meta=meta(days=4))  # noqa: E731
    assert refusal_code(again) == "complaint_step_out_of_order"


def test_only_an_upheld_complaint_names_a_violation() -> None:
    violation_id = ids.violation_id("WG-1")
    refused = responded()
    code = refusal_code(lambda: refused.record_violation(violation_id=violation_id, meta=meta()))
    assert code == "complaint_not_upheld"

    complaint = upheld()
    complaint.record_violation(violation_id=violation_id, meta=meta(days=4))

    assert complaint.violation_ids == [violation_id]


# --- violations ------------------------------------------------------------------------------


def found(**overrides: object) -> Violation:
    fields: dict[str, object] = {
        "external_ref": "WG-1",
        "subject_id": WINDOW_ID,
        "subject_kind": SubjectKind.WINDOW,
        "found_on": None,
        "description": "公益服务收费",
        "severity": Severity.MINOR,
        "complaint_id": None,
        "meta": meta(),
        **overrides,
    }
    return Violation.find(**fields)  # type: ignore[arg-type]


def ordered() -> Violation:
    violation = found()
    violation.order_correction(action="退费", deadline=date(2026, 3, 31), meta=meta(days=1))
    return violation


def test_a_violation_found_by_inspection_counts_on_the_day_found() -> None:
    violation = found()

    assert (violation.found_on, violation.source) == (date(2026, 3, 2), "inspection")
    assert found(complaint_id=ids.complaint_id("TS-1")).source == "complaint"


def test_a_violation_is_not_found_after_the_day_it_is_recorded() -> None:
    assert refusal_code(lambda: found(found_on=date(2026, 3, 3))) == "invalid_found_on"
    assert refusal_code(lambda: found(description=" ")) == "blank_field"


def test_a_correction_is_ordered_with_a_later_deadline_and_recorded() -> None:
    violation = found()
    on_the_day = date(2026, 3, 2)
    early = refusal_code(
        lambda: violation.order_correction(action="退费", deadline=on_the_day, meta=meta())
    )
    assert early == "invalid_correction_deadline"

    violation = ordered()
    violation.record_correction(note="已退费", meta=meta(days=5))

    assert (violation.status, violation.corrected_late) == (ViolationStatus.CORRECTED, False)


def test_a_correction_after_the_deadline_is_late() -> None:
    violation = ordered()

    violation.record_correction(note="逾期退费", meta=meta(days=40))

    assert violation.corrected_late is True


def test_not_corrected_is_recorded_only_after_the_deadline() -> None:
    def not_corrected(violation: Violation, days: int) -> None:
        with recording(LODGED_AT + timedelta(days=days)):
            violation.record_not_corrected(reasons="未整改", meta=meta(days=days))

    violation = ordered()
    assert refusal_code(lambda: not_corrected(violation, 29)) == "correction_deadline_not_passed"
    not_corrected(violation, 30)

    assert violation.status is ViolationStatus.NOT_CORRECTED
    assert refusal_code(lambda: violation.record_correction(note="x", meta=meta(days=31))) == (
        "violation_step_out_of_order"
    )  # fmt: skip


def test_a_correction_is_recorded_only_once_ordered() -> None:
    violation = found()

    code = refusal_code(lambda: violation.record_correction(note="x", meta=meta(days=1)))

    assert code == "violation_step_out_of_order"
