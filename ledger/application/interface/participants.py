"""Views of the network's participants: platforms and institutions, with their standing."""

from __future__ import annotations

from typing_extensions import TypedDict

from ledger.application.interface import PageFields, Resource, common, plain
from ledger.application.interface.names import (
    InstitutionStatusName,
    PlatformKindName,
    PlatformStatusName,
    StandingName,
)
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform
from ledger.domain.standing import StandingAggregate


class StandingView(TypedDict):
    """A participant's standing in the network (Art. 13): priority support for a year, a
    rectification ordered by a deadline (Ningxia date) and why, a failed re-check."""

    standing: StandingName
    priority_support_year: int | None
    rectification_deadline: str | None
    rectification_reasons: str | None
    recheck_failed: bool


def standing_view(subject: StandingAggregate) -> StandingView:
    return {
        "standing": subject.standing.value,
        "priority_support_year": subject.priority_support_year,
        "rectification_deadline": plain(subject.rectification_deadline),
        "rectification_reasons": subject.rectification_reasons or None,
        "recheck_failed": subject.recheck_failed,
    }


class PlatformView(Resource, StandingView):
    """A hub or window platform of the network, with the onboarding application it came from
    (``null`` for one registered as already connected) and its standing."""

    kind: PlatformKindName
    name: str
    uscc: str
    region: str
    categories: list[str]
    application_id: str | None
    status: PlatformStatusName


class PlatformList(PageFields):
    """Every platform of the network, in the order they entered it."""

    platforms: list[PlatformView]


def platform_view(platform: Platform) -> PlatformView:
    return {
        **common(platform),
        "kind": platform.kind.value,
        "name": platform.name,
        "uscc": platform.uscc,
        "region": platform.region,
        "categories": list(platform.categories),
        "application_id": plain(platform.application_id),
        "status": platform.status.value,
        **standing_view(platform),
    }


class InstitutionView(Resource, StandingView):
    """A cooperating service institution, with the agreements it joined by and its standing."""

    uscc: str
    name: str
    region: str
    categories: list[str]
    agreement_ids: list[str]
    status: InstitutionStatusName


class InstitutionList(PageFields):
    """Every registered institution, in registration order."""

    institutions: list[InstitutionView]


def institution_view(institution: Institution) -> InstitutionView:
    return {
        **common(institution),
        "uscc": institution.uscc,
        "name": institution.name,
        "region": institution.region,
        "categories": list(institution.categories),
        "agreement_ids": plain(institution.agreement_ids),
        "status": institution.status.value,
        **standing_view(institution),
    }
