"""The states of an onboarding application and the bureau's decision on it (values of
:class:`ledger.domain.onboarding.OnboardingApplication`, importable from there as before)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ApplicationStatus(StrEnum):
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    REVIEW_CONCLUDED = "review_concluded"
    APPROVED = "approved"
    REJECTED = "rejected"
    IN_NOTICE = "in_notice"
    REFUSED_AFTER_NOTICE = "refused_after_notice"
    CONNECTED = "connected"
    WITHDRAWN = "withdrawn"


TERMINAL_STATUSES = frozenset(
    {
        ApplicationStatus.REJECTED,
        ApplicationStatus.REFUSED_AFTER_NOTICE,
        ApplicationStatus.CONNECTED,
        ApplicationStatus.WITHDRAWN,
    }
)


@dataclass(frozen=True)
class BureauDecision:
    approved: bool
    text: str
    """The bureau's note on an approval, or its reasons for a rejection."""
    decided_at: datetime
