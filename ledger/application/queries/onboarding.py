"""Onboarding applications as a list."""

from __future__ import annotations

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain.errors import OnboardingApplicationNotFoundError
from ledger.domain.onboarding import OnboardingApplication


def list_onboarding_applications(
    ledger: LedgerCore, directory: Directory, page: Page = WHOLE
) -> Listed[OnboardingApplication]:
    """Every application ever recorded, in the order they were filed."""
    return listed(
        ledger,
        directory,
        "onboarding_application",
        OnboardingApplication,
        OnboardingApplicationNotFoundError,
        page,
    )
