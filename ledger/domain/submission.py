"""Rules shared by what is submitted, reviewed and decided on (applications, publications).

Business dates are Ningxia dates (China Standard Time), taken from the envelope's business time
``occurred_at``: never from the wall clock, so a decision recorded late carries the day it was
really taken, and a replay decides the same way.
"""

from __future__ import annotations

from datetime import datetime

from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    CategoriesRequiredError,
    OccurredBeforeSubmissionError,
    ReasonsRequiredError,
)
from ledger.domain.values import parse_category


def parse_categories(values: list[str], what: str) -> list[str]:
    """At least one service category code, each validated; sorted and without repeats."""
    codes = sorted({parse_category(v) for v in values})
    if not codes:
        raise CategoriesRequiredError(
            f"{what} at least one service category code (e.g. 10, or 140300)."
        )
    return codes


def require_reasons(reasons: str, what: str) -> str:
    """Reasons given for a decision, stripped; an empty one is refused."""
    text = reasons.strip()
    if not text:
        raise ReasonsRequiredError(f"{what} needs its reasons; send them in `reasons`.")
    return text


def check_not_before_submission(meta: Envelope, submitted_at: datetime | None) -> None:
    """A step cannot have happened before the thing it acts on was submitted."""
    if submitted_at is not None and meta.occurred_at < submitted_at:
        raise OccurredBeforeSubmissionError(
            f"occurred_at {meta.occurred_at.isoformat()} is before the submission "
            f"({submitted_at.isoformat()}).",
            submitted_at=submitted_at.isoformat(),
        )
