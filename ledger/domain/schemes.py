"""Appraisal scoring schemes: data, not code (Art. 11-12).

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
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

# An indicator's score is recorded with the appraisal and shown by the API, whose document
# pydantic reads from this TypedDict (on Python 3.11 it needs typing_extensions' TypedDict).
from typing_extensions import TypedDict

from ledger.domain.errors import InvalidSchemeError

# The figures each kind of subject has (projections/figures.py: appraisal_inputs).
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
_POINTS = Decimal("0.01")


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{0,40}$")
    label: str = Field(min_length=1, max_length=200)
    figure: str
    comparison: Literal[">=", "<="]
    threshold: Decimal = Field(gt=0)
    weight: Decimal = Field(gt=0, le=100)


class Grade(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    grade: Literal["优秀", "合格", "不合格"]
    min_total: Decimal = Field(ge=0, le=100)


class Scheme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9-]{0,60}$")
    version: int = Field(ge=1)
    subject_kind: Literal["window", "institution", "hub"]
    title: str = Field(min_length=1)
    source: str = ""
    indicators: list[Indicator] = Field(min_length=1, max_length=50)
    expert_weight: Decimal = Field(ge=0, le=1)
    expert_scores_required: int = Field(default=0, ge=0, le=20)
    """How many experts score before an appraisal is concluded (at least one when experts
    weigh at all: a conclusion never silently drops their share)."""
    grades: list[Grade] = Field(min_length=1)
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

    def score(self, figures: Mapping[str, Any]) -> list[IndicatorScore]:
        return [score_indicator(i, figures.get(i.figure)) for i in self.indicators]

    def grade(self, total: Decimal) -> str:
        return next(g.grade for g in self.grades if total >= g.min_total)


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
    value = None if figure is None else Decimal(str(figure))
    if value is None:
        reached = Decimal(0)
    elif indicator.comparison == ">=":
        reached = min(Decimal(1), value / indicator.threshold)
    else:
        reached = Decimal(1) if value <= indicator.threshold else indicator.threshold / value
    points = (indicator.weight * max(reached, Decimal(0))).quantize(_POINTS, ROUND_HALF_EVEN)
    return {
        "indicator": indicator.id,
        "label": indicator.label,
        "figure": None if value is None else str(figure),
        "comparison": indicator.comparison,
        "threshold": str(indicator.threshold),
        "met": value is not None and reached >= 1,
        "weight": str(indicator.weight),
        "points": str(points),
    }


def total_of(scores: Sequence[Mapping[str, Any]]) -> Decimal:
    return sum((Decimal(s["points"]) for s in scores), Decimal(0)).quantize(_POINTS)


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
