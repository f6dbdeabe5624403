"""Onboarding (Art. 10), first half: the application, the expert review and the bureau."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from ledger.domain import ids
from ledger.domain.errors import RuleViolationError
from ledger.domain.onboarding import ApplicationStatus, OnboardingApplication
from tests.unit.builders import refusal_code
from tests.unit.onboarding_builders import (
    APPLICANT_USCC,
    FILED_AT,
    MATERIALS,
    after,
    approved,
    concluded,
    expert,
    reviewed,
    submitted,
)


def _code(action: Callable[[], object]) -> str:
    return refusal_code(action, RuleViolationError)


# --- submission --------------------------------------------------------------------------------


def test_an_application_is_recorded_with_canonical_values() -> None:
    application = submitted()

    assert application.status is ApplicationStatus.SUBMITTED
    assert application.applicant_name == "固原市中小企业服务中心"
    assert application.uscc == APPLICANT_USCC
    assert application.region == "640400"
    assert application.categories == ["10", "14"]
    assert application.materials_sha256 == MATERIALS
    assert application.submitted_at == FILED_AT


def test_an_application_stream_id_is_derived_from_the_hubs_filing_reference() -> None:
    assert submitted().id == ids.onboarding_application_id("ONB-2026-001")


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        pytest.param({"uscc": "91640100MA7AY4CL32"}, "invalid_uscc", id="uscc-check-character"),
        pytest.param({"region": "110000"}, "unknown_region", id="region-outside-ningxia"),
        pytest.param({"categories": ["18"]}, "unknown_category", id="unknown-category"),
        pytest.param({"categories": []}, "categories_required", id="no-category"),
        pytest.param({"materials_sha256": "ab" * 31}, "invalid_sha256", id="digest-too-short"),
        pytest.param({"materials_sha256": "zz" * 32}, "invalid_sha256", id="digest-not-hex"),
    ],
)
def test_an_application_with_a_wrong_value_is_refused(
    overrides: dict[str, object], code: str
) -> None:
    assert _code(lambda: submitted(**overrides)) == code


# --- expert reviews ----------------------------------------------------------------------------


def test_the_first_review_puts_the_application_under_review() -> None:
    application = submitted()
    reviewer = expert()

    application.record_review(expert=reviewer, score=85, opinion=" 可以 ", meta=after(days=1))

    assert application.status is ApplicationStatus.UNDER_REVIEW
    (review,) = application.reviews
    assert (review.expert_id, review.expert_name, review.score, review.opinion) == (
        reviewer.id,
        "专家1",
        85,
        "可以",
    )


@pytest.mark.parametrize("score", [0, 100])
def test_a_score_at_either_end_of_the_scale_is_accepted(score: int) -> None:
    application = submitted()

    application.record_review(expert=expert(), score=score, opinion="", meta=after(days=1))

    assert application.reviews[0].score == score


@pytest.mark.parametrize("score", [-1, 101, True])
def test_a_score_outside_0_to_100_is_refused(score: int) -> None:
    application = submitted()

    code = _code(
        lambda: application.record_review(
            expert=expert(), score=score, opinion="", meta=after(days=1)
        )
    )

    assert code == "invalid_review_score"
    assert application.reviews == []


def test_an_expert_reviews_an_application_once() -> None:
    application = reviewed((80,))

    code = _code(
        lambda: application.record_review(
            expert=expert(1), score=90, opinion="", meta=after(days=2)
        )
    )

    assert code == "expert_already_reviewed"
    assert len(application.reviews) == 1


def test_a_deactivated_expert_cannot_review() -> None:
    application = submitted()

    code = _code(
        lambda: application.record_review(
            expert=expert(active=False), score=90, opinion="", meta=after(days=1)
        )
    )

    assert code == "expert_inactive"


def test_a_review_cannot_predate_the_application() -> None:
    application = submitted()

    code = _code(
        lambda: application.record_review(
            expert=expert(), score=90, opinion="", meta=after(hours=-1)
        )
    )

    assert code == "occurred_before_submission"


# --- the hub concludes -------------------------------------------------------------------------


@pytest.mark.parametrize("scores", [(), (90,), (90, 90)])
def test_the_review_is_concluded_only_after_three_experts_reviewed(
    scores: tuple[int, ...],
) -> None:
    application = reviewed(scores)

    code = _code(lambda: application.conclude_review(opinion="", meta=after(days=2)))

    assert code == "not_enough_reviews"


@pytest.mark.parametrize(
    ("scores", "mean", "passed"),
    [
        pytest.param((80, 70, 91), "80.33", True, id="passed"),
        pytest.param((60, 60, 60), "60.00", True, id="exactly-the-passing-mean"),
        pytest.param((60, 60, 59), "59.67", False, id="just-below-rounds-half-up"),
        pytest.param((100, 100, 99, 0), "74.75", True, id="four-experts"),
    ],
)
def test_the_conclusion_records_the_mean_score_and_whether_it_passed(
    scores: tuple[int, ...], mean: str, passed: bool
) -> None:
    application = concluded(scores)

    assert application.status is ApplicationStatus.REVIEW_CONCLUDED
    conclusion = application.conclusion
    assert conclusion is not None
    assert conclusion.review_count == len(scores)
    assert conclusion.mean_score == Decimal(mean)
    assert conclusion.passed is passed
    assert conclusion.opinion == "同意报批"


def test_no_review_is_recorded_once_the_review_is_concluded() -> None:
    application = concluded()

    code = _code(
        lambda: application.record_review(
            expert=expert(9), score=90, opinion="", meta=after(days=3)
        )
    )

    assert code == "onboarding_step_out_of_order"


def test_the_review_is_concluded_once() -> None:
    application = concluded()

    code = _code(lambda: application.conclude_review(opinion="", meta=after(days=3)))

    assert code == "onboarding_step_out_of_order"


# --- the bureau decides ------------------------------------------------------------------------


def test_the_bureau_approves_a_passed_review() -> None:
    application = approved()

    assert application.status is ApplicationStatus.APPROVED
    assert application.decision is not None
    assert application.decision.approved
    assert application.decision.text == "同意"


def test_an_application_whose_review_failed_cannot_be_approved() -> None:
    application = concluded((50, 60, 60))

    code = _code(lambda: application.approve(note="", meta=after(days=2)))

    assert code == "review_not_passed"
    assert application.status is ApplicationStatus.REVIEW_CONCLUDED


def test_the_bureau_rejects_with_its_reasons_and_the_rejection_is_final() -> None:
    application = concluded((50, 60, 60))

    application.reject(reasons=" 评审未通过 ", meta=after(days=2))

    assert application.status is ApplicationStatus.REJECTED
    assert application.decision is not None
    assert not application.decision.approved
    assert application.decision.text == "评审未通过"


def test_a_rejection_needs_reasons() -> None:
    application = concluded()

    assert _code(lambda: application.reject(reasons=" ", meta=after(days=2))) == "reasons_required"


@pytest.mark.parametrize("build", [submitted, reviewed], ids=["submitted", "under-review"])
@pytest.mark.parametrize("decision", ["approve", "reject"])
def test_the_bureau_decides_only_after_the_review_is_concluded(
    build: Callable[[], OnboardingApplication], decision: str
) -> None:
    application = build()

    if decision == "approve":
        code = _code(lambda: application.approve(note="", meta=after(days=2)))
    else:
        code = _code(lambda: application.reject(reasons="不符合", meta=after(days=2)))

    assert code == "onboarding_step_out_of_order"


def test_an_approved_application_is_not_decided_again() -> None:
    application = approved()

    code = _code(lambda: application.reject(reasons="改变主意", meta=after(days=2)))

    assert code == "onboarding_step_out_of_order"
