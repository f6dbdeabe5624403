"""Appraisal schemes and scoring: data checked on load, scores computed the same every time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import orjson
import pytest
from eventsourcing.persistence import Mapper, StoredEvent

from ledger.domain.appraisal import Appraisal
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    AppraisalConcludedError,
    ExpertAlreadyScoredError,
    ExpertScoresMissingError,
    InvalidExpertScoreError,
    InvalidSchemeError,
)
from ledger.domain.schemes import EXACT, ROUNDED, default_scheme, parse_scheme
from ledger.persistence.transcoder import ledger_transcoder
from projections.appraisal import scorecard_html

SUBJECT = UUID("00000000-0000-4000-8000-0000000000a1")
EXPERT = UUID("00000000-0000-4000-8000-0000000000e1")
META = Envelope("key:hub", None, "req", None, datetime(2026, 2, 1, 2, 0, tzinfo=UTC))
MEETS_ALL = {
    "smes_served": 200, "satisfied_share": "0.9000", "free_share": "0.3000",
    "activities_held": 9, "reports_on_time_share": "1.0000", "institutions_in_force": 6,
}  # fmt: skip


def scheme_document(**overrides: Any) -> dict[str, Any]:
    document = default_scheme("window").document()
    document.update(overrides)
    return document


def appraisal(figures: dict[str, Any]) -> Appraisal:
    computed = Appraisal.compute(
        subject_kind="window", subject_id=SUBJECT, year=2025, scheme=default_scheme("window"),
        position=42, as_on=date(2026, 1, 31), figures=figures, meta=META,
    )  # fmt: skip
    computed.collect_events()
    return computed


@pytest.mark.parametrize("kind", ["window", "institution", "hub"])
def test_the_shipped_schemes_are_valid_and_weigh_one_hundred(kind: str) -> None:
    scheme = default_scheme(kind)

    assert scheme.subject_kind == kind
    assert sum(i.weight for i in scheme.indicators) == 100
    assert len(scheme.digest) == 64


def test_the_digest_is_the_same_for_the_same_document_and_changes_with_it() -> None:
    document = scheme_document()

    same = parse_scheme(scheme_document()).digest
    other = parse_scheme({**document, "expert_weight": "0.30"}).digest

    assert parse_scheme(document).digest == same != other


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"expert_weight": "1.5"}, "expert_weight"),
        ({"grades": [{"grade": "合格", "min_total": "60"}]}, "grades"),
        ({"rectification_days": 0}, "rectification_days"),
        ({"unknown": 1}, "unknown"),
        ({"expert_weight": "NaN"}, "expert_weight"),
    ],
)
def test_a_scheme_that_is_not_coherent_is_refused_saying_why(
    change: dict[str, Any], problem: str
) -> None:
    with pytest.raises(InvalidSchemeError) as excinfo:
        parse_scheme(scheme_document(**change))

    assert excinfo.value.code == "invalid_scheme"
    assert problem in excinfo.value.detail


@pytest.mark.parametrize("value", ["Infinity", "NaN", "1e30", "0.0000001"])
def test_a_threshold_is_a_finite_number_of_sensible_size(value: str) -> None:
    # A run compares figures with it exactly: a threshold it cannot compare would stop it.
    document = scheme_document()
    document["indicators"][0]["threshold"] = value

    with pytest.raises(InvalidSchemeError, match="threshold"):
        parse_scheme(document)


def test_weights_must_add_up_to_one_hundred() -> None:
    document = scheme_document()
    document["indicators"][0]["weight"] = "26"

    with pytest.raises(InvalidSchemeError, match="add up to 100"):
        parse_scheme(document)


def test_an_indicator_must_read_a_figure_the_subject_has() -> None:
    document = scheme_document()
    document["indicators"][0]["figure"] = "budget_execution_share"

    with pytest.raises(InvalidSchemeError, match="no figure budget_execution_share"):
        parse_scheme(document)


def test_meeting_every_threshold_scores_full_marks() -> None:
    computed = appraisal(MEETS_ALL)

    assert computed.indicators_total == Decimal("100.00")
    assert all(s["met"] for s in computed.scores)
    assert computed.conclusion() == (None, Decimal("100.00"), "优秀")


def test_a_shortfall_earns_the_share_of_the_weight_it_reached() -> None:
    computed = appraisal({**MEETS_ALL, "smes_served": 75, "activities_held": 4})

    by_id = {s["indicator"]: s for s in computed.scores}
    assert by_id["smes_served"]["points"] == "12.50"
    assert by_id["activities"]["points"] == "7.50"
    assert not by_id["smes_served"]["met"]
    assert computed.indicators_total == Decimal("80.00")


def test_a_missing_figure_earns_nothing() -> None:
    computed = appraisal({**MEETS_ALL, "reports_on_time_share": None})

    assert {s["indicator"]: s["points"] for s in computed.scores}["reports_on_time"] == "0.00"


def test_expert_scores_blend_into_the_total_by_the_schemes_weight() -> None:
    computed = appraisal({**MEETS_ALL, "smes_served": 75})  # 87.50 from the indicators
    computed.add_expert_score(expert_id=EXPERT, score=70, opinion="", meta=META)
    computed.add_expert_score(
        expert_id=UUID("00000000-0000-4000-8000-0000000000e2"), score=80, opinion="", meta=META
    )

    average, total, grade = computed.conclusion()

    assert average == Decimal("75.00")
    assert total == Decimal("85.00")  # 87.50 × 0.8 + 75 × 0.2
    assert grade == "合格"


def test_an_expert_scores_once_and_within_range() -> None:
    computed = appraisal(MEETS_ALL)
    computed.add_expert_score(expert_id=EXPERT, score=90, opinion="", meta=META)

    with pytest.raises(ExpertAlreadyScoredError):
        computed.add_expert_score(expert_id=EXPERT, score=80, opinion="", meta=META)
    with pytest.raises(InvalidExpertScoreError) as excinfo:
        computed.add_expert_score(
            expert_id=UUID("00000000-0000-4000-8000-0000000000e3"), score=101, opinion="", meta=META
        )
    assert excinfo.value.code == "invalid_expert_score"


def _scored(computed: Appraisal, count: int, score: int = 80) -> None:
    """``count`` more experts, each a new one, give ``score``."""
    for n in range(len(computed.expert_scores), len(computed.expert_scores) + count):
        expert = UUID(int=EXPERT.int + 1 + n)
        computed.add_expert_score(expert_id=expert, score=score, opinion="", meta=META)


def test_a_conclusion_waits_for_the_expert_scores_the_scheme_requires() -> None:
    computed = appraisal(MEETS_ALL)
    _scored(computed, 2)

    with pytest.raises(ExpertScoresMissingError) as excinfo:
        computed.conclude(consequence="none", meta=META)

    assert excinfo.value.context == {"required": 3, "given": 2}
    _scored(computed, 1)
    computed.conclude(consequence="none", meta=META)
    assert computed.grade == "优秀"


def test_a_scheme_whose_experts_weigh_needs_at_least_one_even_if_it_names_none() -> None:
    assert parse_scheme(scheme_document(expert_scores_required=0)).experts_needed == 1
    unweighted = scheme_document(expert_weight="0", expert_scores_required=0)
    assert parse_scheme(unweighted).experts_needed == 0


def test_a_concluded_appraisal_accepts_nothing_more() -> None:
    computed = appraisal(MEETS_ALL)
    _scored(computed, 3)
    computed.conclude(consequence="none", meta=META)

    with pytest.raises(AppraisalConcludedError) as excinfo:
        computed.add_expert_score(expert_id=EXPERT, score=90, opinion="", meta=META)
    assert excinfo.value.code == "appraisal_concluded"
    with pytest.raises(AppraisalConcludedError):
        computed.conclude(consequence="none", meta=META)


def test_the_appraisal_records_the_whole_scheme_and_its_digest() -> None:
    computed = Appraisal.compute(
        subject_kind="window", subject_id=SUBJECT, year=2025, scheme=default_scheme("window"),
        position=42, as_on=date(2026, 1, 31), figures=MEETS_ALL, meta=META,
    )  # fmt: skip

    [event] = computed.collect_events()

    recorded: Any = event
    assert parse_scheme(recorded.scheme).digest == recorded.scheme_digest
    assert recorded.position == 42


def test_a_share_just_under_its_threshold_does_not_meet_it() -> None:
    # 15,999 of 20,000 is 0.79995: "0.8000" rounded to four places, short of 0.80 exactly.
    figures = {**MEETS_ALL, "satisfied_share": "0.8000", "satisfied_ratings": 15999,
               "ratings": 20000}  # fmt: skip

    computed = appraisal(figures)

    satisfaction = {s["indicator"]: s for s in computed.scores}["satisfaction"]
    assert computed.scoring == EXACT
    assert not satisfaction["met"]
    assert satisfaction["points"] == "19.99"  # 19.99875 earned, never shown above it
    assert computed.indicators_total == Decimal("99.99")
    rounded = default_scheme("window").score(figures, ROUNDED)
    assert {s["indicator"]: s for s in rounded}["satisfaction"]["met"]  # as it was scored before


def test_the_grade_is_decided_on_the_exact_total() -> None:
    # 1,999 of 5,000 satisfied (0.3998) earns 9.995 of 20 points: 89.995 in all, short of 90.
    scheme = parse_scheme(scheme_document(expert_weight="0", expert_scores_required=0))
    figures = {**MEETS_ALL, "satisfied_share": "0.3998", "satisfied_ratings": 1999,
               "ratings": 5000}  # fmt: skip
    computed = Appraisal.compute(
        subject_kind="window", subject_id=SUBJECT, year=2025, scheme=scheme, position=42,
        as_on=date(2026, 1, 31), figures=figures, meta=META,
    )  # fmt: skip

    assert computed.conclusion() == (None, Decimal("89.99"), "合格")
    computed.conclude(consequence="none", meta=META)
    assert (computed.total, computed.grade) == (Decimal("89.99"), "合格")
    # The first scoring rounded 9.995 points up to 10.00 and the total up to 90.00: 优秀.
    assert sum(Decimal(s["points"]) for s in scheme.score(figures, ROUNDED)) == Decimal("90.00")


def test_the_expert_average_blends_unrounded_and_shows_rounded_down() -> None:
    computed = appraisal({**MEETS_ALL, "smes_served": 75})  # 87.50 from the indicators
    _scored(computed, 6, score=70)
    computed.add_expert_score(
        expert_id=UUID("00000000-0000-4000-8000-0000000000f1"), score=75, opinion="", meta=META
    )

    average, total, _ = computed.conclusion()

    # 495 / 7 = 70.714…; 87.5 × 0.8 + 495 / 7 × 0.2 = 84.142…: each shown rounded down.
    assert (average, total) == (Decimal("70.71"), Decimal("84.14"))


def test_an_appraisal_stored_before_exact_scoring_keeps_its_scoring() -> None:
    computed = Appraisal.compute(
        subject_kind="window", subject_id=SUBJECT, year=2025, scheme=default_scheme("window"),
        position=42, as_on=date(2026, 1, 31), figures=MEETS_ALL, meta=META,
    )  # fmt: skip
    [event] = computed.collect_events()
    mapper: Mapper[UUID] = Mapper(transcoder=ledger_transcoder())
    stored = mapper.to_stored_event(event)
    # What version 1 of the event stored: no class_version, no scoring.
    state = orjson.loads(stored.state)
    assert (state.pop("class_version"), state.pop("scoring")) == (2, EXACT)
    old = StoredEvent(stored.originator_id, 1, stored.topic, orjson.dumps(state))

    decoded = mapper.to_domain_event(old)
    assert isinstance(decoded, Appraisal.Computed)

    assert vars(decoded)["scoring"] == ROUNDED  # upcast, not only defaulted
    loaded = decoded.mutate(None)
    assert isinstance(loaded, Appraisal)
    assert loaded.scoring == ROUNDED
    assert loaded.conclusion()[1:] == (Decimal("100.00"), "优秀")


def test_the_scorecard_shows_shares_as_percentages_with_their_counts() -> None:
    figures = {**MEETS_ALL, "satisfied_share": "0.8000", "satisfied_ratings": 15999,
               "ratings": 20000, "free_share": None, "free_cases": 0,
               "cases_delivered": 0}  # fmt: skip

    page = scorecard_html(appraisal(figures), "银川市中小企业服务窗口")

    assert ">79.99%（15,999 / 20,000）</a>" in page  # 79.995%, never shown above it
    assert '<a href="records?figure=satisfied_share&amp;format=csv"' in page  # its records
    assert "&gt;= 80%" in page
    assert "<td class=n>0.8000" not in page
    assert 'free_share&amp;format=csv" title="the records behind it">—</a>' in page  # none
    assert ">200</a></td>" in page  # a count as it is
