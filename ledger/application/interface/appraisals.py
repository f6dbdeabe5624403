"""Views of appraisals, of a run that computes them, and of their verification."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.domain.appraisal import Appraisal
from ledger.domain.schemes import IndicatorScore

SubjectKindName = Literal["window", "institution", "hub"]
"""What is appraised: the kinds of subject a scheme is for (``Scheme.subject_kind``)."""
GradeName = Literal["优秀", "合格", "不合格"]
"""The grades of the schemes (``GradeBand.grade``) and of the operator's appraisal."""


class SchemeReference(TypedDict):
    """Which scheme scored the appraisal: its id, version and the SHA-256 of its canonical
    form (the whole document is in the appraisal's history)."""

    id: str
    version: int
    digest: str


class AppraisalView(Resource):
    """A subject's annual appraisal (年度绩效考核): the figures read at one log position, the
    indicator scores, the experts' scores and, once concluded, the total, grade and
    consequence."""

    subject_kind: SubjectKindName
    subject_id: str
    year: int
    scheme: SchemeReference
    position: int
    """The log position the figures were read at (in the answer of a write on the appraisal:
    that write's position)."""
    as_on: str
    """The business day the figures are as on."""
    figures: dict[str, Any]
    """The subject's figures, named as the scheme's indicators read them: counts, shares as
    decimal strings rounded to four places, ``null`` where there is nothing to count; beside
    each share, the counts (or amounts) it is the quotient of (``free_cases`` of
    ``cases_delivered``, ``satisfied_ratings`` of ``ratings``, ``reports_on_time`` of
    ``reports_due``, ``budget_paid`` of ``budget_approved``)."""
    scoring: int
    """How it was scored. ``2``: shares compared as the exact quotients of their parts, points
    and totals exact, the grade decided on the exact total, scores shown rounded down to
    hundredths; agreements counted only while neither party is revoked, payments only those
    made by ``as_on``. ``1`` (appraisals computed before exact scoring): shares compared as
    rounded to four places, points rounded half to even before they were added, every
    agreement in force and every payment recorded counted."""
    scores: list[IndicatorScore]
    indicators_total: str
    expert_scores: dict[str, int]
    """Each expert's score (0-100), by the expert's id."""
    expert_average: str | None
    total: str | None
    grade: GradeName | None
    consequence: str | None
    """What the conclusion did to the subject: ``priority_support_proposed`` (a window or an
    institution: the hub proposes it, the bureau decides), ``priority_support_granted`` (the
    hub, by the bureau), ``rectification_ordered``, ``none``, or ``none: <why not>``."""
    status: Literal["open", "concluded", "superseded"]
    supersedes: str | None
    """The appraisal of the same subject and year this one replaced (superseded), if any."""
    superseded_reason: str | None
    """Why it was superseded (its status ``superseded``): it accepts nothing more and is cited
    by nothing new; the year is appraised again in the next round."""


class AppraisalList(PageFields):
    """The appraisals (of a year), in the order they were computed."""

    appraisals: list[AppraisalView]


class SkippedSubject(TypedDict):
    """A subject a run did not appraise, and why."""

    subject_id: str
    reason: str


class AppraisalRunResult(TypedDict):
    """What a run recorded: the log position and day the figures were read at, the appraisals
    it recorded (each with the position of its write) and the subjects it skipped."""

    position: int
    as_on: str
    appraisals: list[AppraisalView]
    skipped: list[SkippedSubject]


class ProvisionalAppraisal(TypedDict):
    """A subject's figures and indicator scores as they stand now: recorded nowhere."""

    subject_id: str
    figures: dict[str, Any]
    scores: list[IndicatorScore]
    indicators_total: str
    grade_by_indicators: GradeName
    """The grade the indicator total alone reaches; the experts' share of the total (the
    scheme's ``expert_weight``) can change it."""


class ProvisionalAppraisals(TypedDict):
    """The appraisals a run would compute now, shown and never recorded: never concluded, cited
    or acted on. For a year still open they are only a forecast."""

    year: int
    subject_kind: SubjectKindName
    year_closed: bool
    """Whether the hub has closed the year (only then can the year be appraised for real)."""
    position: int
    """The log position the figures were read at."""
    as_on: str
    scheme: SchemeReference
    appraisals: list[ProvisionalAppraisal]


class FigureRecords(TypedDict):
    """The records behind one figure of an appraisal, read at its position: each row a record
    of the views (a case, an enterprise, an activity, an agreement, a data report, a window, a
    disbursement) with ``counted`` true where the figure counts it."""

    appraisal_id: str
    figure: str
    share_of: list[str] | None
    """For a share: its part and its whole (the rows are the part's records; the whole's are
    read by its own name)."""
    position: int
    recorded: Any
    """The figure as the appraisal recorded it."""
    counted: int
    """How many rows count (for the hub's payments, their ``paid_as_on`` adds up instead)."""
    records: list[dict[str, Any]]


class FigureDifference(TypedDict):
    """A figure whose recomputed value differs from the recorded one."""

    figure: str
    recorded: Any
    recomputed: Any


class ScoreDifference(TypedDict):
    """An indicator whose recomputed score differs from the recorded one."""

    indicator: str
    recorded: IndicatorScore
    recomputed: IndicatorScore


class VerificationView(TypedDict):
    """An appraisal's figures and scores recomputed from the log prefix it recorded, and how
    they differ from what it recorded (``identical`` when in nothing)."""

    appraisal_id: str
    position: int
    identical: bool
    differences: list[FigureDifference | ScoreDifference]
    recomputed_figures: dict[str, Any]
    recomputed_scores: list[IndicatorScore]


def appraisal_view(appraisal: Appraisal) -> AppraisalView:
    return {
        **common(appraisal),
        "subject_kind": plain(appraisal.subject_kind),
        "subject_id": plain(appraisal.subject_id),
        "year": appraisal.year,
        "scheme": {
            "id": appraisal.scheme["id"],
            "version": appraisal.scheme["version"],
            "digest": appraisal.scheme_digest,
        },
        "position": appraisal.position,
        "as_on": plain(appraisal.as_on),
        "figures": plain(appraisal.figures),
        "scoring": appraisal.scoring,
        "scores": plain(appraisal.scores),
        "indicators_total": str(appraisal.indicators_total),
        "expert_scores": {str(k): v for k, v in appraisal.expert_scores.items()},
        "expert_average": plain(appraisal.expert_average),
        "total": plain(appraisal.total),
        "grade": plain(appraisal.grade),
        "consequence": appraisal.consequence,
        "status": (
            "superseded"
            if appraisal.is_superseded
            else "concluded"
            if appraisal.is_concluded
            else "open"
        ),
        "supersedes": plain(appraisal.supersedes),
        "superseded_reason": appraisal.superseded_reason,
    }
