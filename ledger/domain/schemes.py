"""Appraisal scoring schemes: data, not code (Art. 11-12). The packaged ones apply where the
appraiser has published none of its own (``published_scheme``).

A scheme is a versioned JSON document: indicators bound to figures from the views, each with a
threshold, a comparison and a weight; a share for expert scores; and grade bands. It is checked
when loaded; its SHA-256 (over a canonical form) is recorded with every appraisal that uses it,
together with the document itself, so an appraisal can be re-scored without trusting a file.

Scoring: an indicator that meets its threshold earns its full weight; one that falls short earns
the share of its weight it reached (figure ÷ threshold for ``>=``, threshold ÷ figure for
``<=``); a figure that is missing earns nothing. The indicator total (0-100) is blended with the
experts' average score by ``expert_weight``; an appraisal is concluded only once the scheme's
``expert_scores_required`` experts (at least one if they weigh at all) have scored. The grade is
the first band whose minimum the total reaches.

Exact scoring (``EXACT``, every appraisal computed since it exists): a share is compared as the
exact fraction of the counts behind it (:data:`SHARE_PARTS`, recorded among the figures), points
and totals are exact fractions, and the grade is decided on the exact total. Rounding happens
only when a score is presented, and then down to hundredths, so a score is never shown above
what was earned (9.9995 points of 10 show as 9.99, an exact total of 79.995 as 79.99). The
first scoring (``ROUNDED``) compared shares rounded to four places and summed points rounded to
hundredths; the appraisals it computed are verified and concluded by it still. Exact scoring
also reads two figures as they stood on the day the figures are as on, where the first did
not (``projections.appraisal_figures``): an agreement counts no longer once either party's
qualification is revoked, and the hub's budget execution counts what was paid, net of refunds
and clawbacks, by that day.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from importlib import resources
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

# An indicator's score is recorded with the appraisal and shown by the API, whose document
# pydantic reads from this TypedDict (on Python 3.11 it needs typing_extensions' TypedDict).
from typing_extensions import TypedDict

from ledger.domain.errors import InvalidSchemeError

# The figures each kind of subject has (projections/appraisal_figures.py: appraisal_inputs).
FIGURES = {
    "window": {
        "cases_delivered", "smes_served", "free_share", "satisfied_share", "ratings",
        "activities_held", "institutions_in_force", "reports_on_time_share",
    },
    "institution": {
        "cases_delivered", "smes_served", "free_share", "satisfied_share", "ratings",
        "agreements_in_force",
    },
    "hub": {
        "cases_delivered", "smes_served", "free_share", "satisfied_share", "ratings",
        "windows_connected", "activities_held", "reports_on_time_share", "budget_execution_share",
    },
}  # fmt: skip
SHARE_PARTS = {
    "free_share": ("free_cases", "cases_delivered"),
    "satisfied_share": ("satisfied_ratings", "ratings"),
    "reports_on_time_share": ("reports_on_time", "reports_due"),
    "budget_execution_share": ("budget_paid", "budget_approved"),
}
"""The counts (or amounts) a share is the quotient of, recorded beside it by exact scoring."""
ROUNDED, EXACT = 1, 2
"""The two scorings an appraisal may record (module docstring)."""
_POINTS = Decimal("0.01")
N = TypeVar("N", Decimal, Fraction)


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{0,40}$")
    label: str = Field(min_length=1, max_length=200)
    figure: str
    comparison: Literal[">=", "<="]
    threshold: Decimal = Field(gt=0, le=10**12, allow_inf_nan=False, decimal_places=6)
    weight: Decimal = Field(gt=0, le=100, allow_inf_nan=False, decimal_places=4)


class GradeBand(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    grade: Literal["优秀", "合格", "不合格"]
    min_total: Decimal = Field(ge=0, le=100, allow_inf_nan=False, decimal_places=4)


class Scheme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9-]{0,60}$")
    version: int = Field(ge=1)
    subject_kind: Literal["window", "institution", "hub"]
    title: str = Field(min_length=1, max_length=200)
    source: str = Field(default="", max_length=500)
    indicators: list[Indicator] = Field(min_length=1, max_length=50)
    expert_weight: Decimal = Field(ge=0, le=1, allow_inf_nan=False, decimal_places=4)
    expert_scores_required: int = Field(default=0, ge=0, le=20)
    """How many experts score before an appraisal is concluded (at least one when experts
    weigh at all: a conclusion never silently drops their share)."""
    grades: list[GradeBand] = Field(min_length=1, max_length=10)
    rectification_days: int = Field(ge=1, le=365)

    @model_validator(mode="after")
    def _consistent(self) -> Scheme:
        ids = [i.id for i in self.indicators]
        if len(set(ids)) != len(ids):
            raise ValueError("indicator ids must be unique")
        unknown = sorted({i.figure for i in self.indicators} - FIGURES[self.subject_kind])
        if unknown:
            raise ValueError(f"a {self.subject_kind} has no figure {', '.join(unknown)}")
        if sum(i.weight for i in self.indicators) != 100:
            raise ValueError("indicator weights must add up to 100")
        minimums = [g.min_total for g in self.grades]
        if minimums != sorted(minimums, reverse=True) or minimums[-1] != 0:
            raise ValueError("grades must go from the highest minimum down to 0")
        return self

    @property
    def experts_needed(self) -> int:
        return max(self.expert_scores_required, 1) if self.expert_weight > 0 else 0

    @property
    def digest(self) -> str:
        return hashlib.sha256(canonical(self.document())).hexdigest()

    def document(self) -> dict[str, Any]:
        """The scheme as plain JSON values (decimals as strings), as it is recorded."""
        return json.loads(self.model_dump_json())  # type: ignore[no-any-return]

    def score(self, figures: Mapping[str, Any], scoring: int = EXACT) -> list[IndicatorScore]:
        if scoring == ROUNDED:
            return [score_indicator(i, figures.get(i.figure)) for i in self.indicators]
        return [score_exactly(i, figures)[0] for i in self.indicators]

    def exact_total(self, figures: Mapping[str, Any]) -> Fraction:
        """The indicator total (0-100) of exact scoring, unrounded."""
        return sum((score_exactly(i, figures)[1] for i in self.indicators), Fraction(0))

    def grade(self, total: Decimal | Fraction) -> str:
        exact = Fraction(total)
        return next(g.grade for g in self.grades if exact >= Fraction(g.min_total))


def canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


class IndicatorScore(TypedDict):
    """One indicator of a scheme scored on a subject's figures: the threshold and weight (as
    decimal strings), the figure (``null`` when missing), whether it met the threshold, and the
    points it earned."""

    indicator: str
    label: str
    figure: str | None
    comparison: Literal[">=", "<="]
    threshold: str
    met: bool
    weight: str
    points: str


def score_indicator(indicator: Indicator, figure: Any) -> IndicatorScore:
    """An indicator scored by the first scoring (``ROUNDED``): the figure as recorded, points
    rounded half to even."""
    value = None if figure is None else Decimal(str(figure))
    reached = _reached(indicator, value, indicator.threshold)
    points = (indicator.weight * reached).quantize(_POINTS, ROUND_HALF_EVEN)
    return _score(indicator, figure, value is not None and reached >= 1, points)


def _reached(indicator: Indicator, value: N | None, threshold: N) -> N:
    """The share of its weight an indicator earns (0 to 1): all of it once the threshold is met,
    else figure ÷ threshold (``>=``) or threshold ÷ figure (``<=``); none for a missing figure."""
    if value is None:
        return threshold * 0
    if indicator.comparison == ">=":
        return max(min(value / threshold, threshold / threshold), threshold * 0)
    return threshold / threshold if value <= threshold else max(threshold / value, threshold * 0)


def _score(indicator: Indicator, figure: Any, met: bool, points: Decimal) -> IndicatorScore:
    return {
        "indicator": indicator.id,
        "label": indicator.label,
        "figure": None if figure is None else str(figure),
        "comparison": indicator.comparison,
        "threshold": str(indicator.threshold),
        "met": met,
        "weight": str(indicator.weight),
        "points": str(points),
    }


def exact_figure(name: str, figures: Mapping[str, Any]) -> Fraction | None:
    """A figure as an exact number: a share as the quotient of the parts recorded beside it
    (when they are), anything else as the decimal it is recorded as; ``None`` when missing."""
    parts = SHARE_PARTS.get(name)
    if parts is not None:
        part, whole = (figures.get(p) for p in parts)
        if part is not None and whole is not None:
            whole_value = Fraction(Decimal(str(whole)))
            return None if whole_value == 0 else Fraction(Decimal(str(part))) / whole_value
    value = figures.get(name)
    return None if value is None else Fraction(Decimal(str(value)))


def presented(value: Fraction) -> Decimal:
    """An exact score as shown: rounded down to hundredths, never above what was earned."""
    with localcontext(prec=60):
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(_POINTS, ROUND_DOWN)


def score_exactly(
    indicator: Indicator, figures: Mapping[str, Any]
) -> tuple[IndicatorScore, Fraction]:
    """An indicator scored by exact scoring: its score as recorded, and its exact points."""
    value = exact_figure(indicator.figure, figures)
    reached = _reached(indicator, value, Fraction(indicator.threshold))
    points = Fraction(indicator.weight) * reached
    met = value is not None and reached >= 1
    return _score(indicator, figures.get(indicator.figure), met, presented(points)), points


def parse_scheme(document: dict[str, Any]) -> Scheme:
    try:
        return Scheme.model_validate(document)
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors()
        )
        raise InvalidSchemeError(f"The scoring scheme is not valid: {problems}") from None


def default_scheme(subject_kind: str) -> Scheme:
    """The shipped scheme for ``window``, ``institution`` or ``hub``."""
    text = resources.files("ledger.domain").joinpath("data", "schemes", f"{subject_kind}.json")
    return parse_scheme(json.loads(text.read_text(encoding="utf-8")))
