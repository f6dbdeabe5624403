"""Views of the network's participants: platforms and institutions, with their standing."""

from __future__ import annotations

from ledger.application.interface import JSON, common, plain
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform
from ledger.domain.standing import StandingAggregate


def standing_view(subject: StandingAggregate) -> JSON:
    return {
        "standing": subject.standing.value,
        "priority_support_year": subject.priority_support_year,
        "rectification_deadline": plain(subject.rectification_deadline),
        "rectification_reasons": subject.rectification_reasons or None,
        "recheck_failed": subject.recheck_failed,
    }


def platform_view(platform: Platform) -> JSON:
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


def institution_view(institution: Institution) -> JSON:
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
