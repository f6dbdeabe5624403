"""Deterministic stream ids.

Identities that must be unique (a USCC, a window's external reference) are turned into the
stream id itself, so the event store's primary key enforces uniqueness atomically, across
processes, without a separate index.
"""

from __future__ import annotations

from uuid import UUID, uuid5

# Never change these: every stored stream id depends on them.
_NAMESPACE = UUID("6b1c1f0e-5d7e-4a43-9f0c-2f1f0d8a7c11")


def platform_id(uscc: str) -> UUID:
    return uuid5(_NAMESPACE, f"platform:{uscc}")


def enterprise_id(uscc: str) -> UUID:
    return uuid5(_NAMESPACE, f"enterprise:{uscc}")


def service_case_id(window_id: UUID, external_ref: str) -> UUID:
    return uuid5(_NAMESPACE, f"service-case:{window_id}:{external_ref}")


def replacement_case_id(voided_case_id: UUID) -> UUID:
    """The case that records a voided one anew, under its ``external_ref``: one per voided case."""
    return uuid5(_NAMESPACE, f"service-case-replacing:{voided_case_id}")


def access_key_id(secret_hash: str) -> UUID:
    return uuid5(_NAMESPACE, f"access-key:{secret_hash}")


# The marker that a ledger has been initialised (its first admin key issued).
GENESIS_ID = uuid5(_NAMESPACE, "genesis")


def institution_id(uscc: str) -> UUID:
    return uuid5(_NAMESPACE, f"institution:{uscc}")


def activity_id(organiser_id: UUID, external_ref: str) -> UUID:
    """One stream per activity in the organiser's own system: never planned twice."""
    return uuid5(_NAMESPACE, f"activity:{organiser_id}:{external_ref}")


def data_report_id(window_id: UUID, period: str) -> UUID:
    """One stream per window and reporting period (``2026-03`` or ``2026-Q1``)."""
    return uuid5(_NAMESPACE, f"data-report:{window_id}:{period}")


def expert_id(external_ref: str) -> UUID:
    return uuid5(_NAMESPACE, f"expert:{external_ref}")


def onboarding_application_id(external_ref: str) -> UUID:
    return uuid5(_NAMESPACE, f"onboarding-application:{external_ref}")


def publication_id(platform_id: UUID, external_ref: str) -> UUID:
    return uuid5(_NAMESPACE, f"publication:{platform_id}:{external_ref}")


def budget_id(hub_id: UUID, year: int) -> UUID:
    """One budget per hub and year: a second proposal for the same year collides here."""
    return uuid5(_NAMESPACE, f"budget:{hub_id}:{year}")


def agreement_id(proposer_id: UUID, external_ref: str) -> UUID:
    """An agreement is identified by its proposer's own reference: proposing twice is refused."""
    return uuid5(_NAMESPACE, f"agreement:{proposer_id}:{external_ref}")


def agreement_index_id(party_id: UUID, other_party_id: UUID) -> UUID:
    """The index of the agreements between two parties, whichever of them proposed."""
    first, second = sorted((party_id, other_party_id))
    return uuid5(_NAMESPACE, f"agreement-index:{first}:{second}")


def appraisal_id(subject_id: UUID, year: int, round: int = 1) -> UUID:
    """One appraisal per subject and year at a time: the first, then one more for each that
    was superseded (``round`` 2, 3, …)."""
    suffix = "" if round == 1 else f":{round}"
    return uuid5(_NAMESPACE, f"appraisal:{subject_id}:{year}{suffix}")


def scheme_id(subject_kind: str, effective_from: int) -> UUID:
    """The scheme of a kind of subject published effective from a year (its versions)."""
    return uuid5(_NAMESPACE, f"scheme:{subject_kind}:{effective_from}")


def period_id(label: str) -> UUID:
    """A closed period: a year (``2025``) or a month (``2025-11``)."""
    return uuid5(_NAMESPACE, f"period:{label}")


def claim_id(kind: str, value: str) -> UUID:
    """A use that happens once in the network: a voucher, a bank payment reference."""
    return uuid5(_NAMESPACE, f"claim:{kind}:{value}")


def complaint_id(external_ref: str) -> UUID:
    """A complaint is identified by the register's own reference: recording it twice is refused."""
    return uuid5(_NAMESPACE, f"complaint:{external_ref}")


def violation_id(external_ref: str) -> UUID:
    """A violation is identified by the register's own reference: recording it twice is refused."""
    return uuid5(_NAMESPACE, f"violation:{external_ref}")


def security_file_id(platform_id: UUID) -> UUID:
    """A platform's information-security file: one per platform."""
    return uuid5(_NAMESPACE, f"security:{platform_id}")


def entrustment_id(hub_id: UUID, external_ref: str) -> UUID:
    """An entrustment is identified by the hub's own reference: recording it twice is refused."""
    return uuid5(_NAMESPACE, f"entrustment:{hub_id}:{external_ref}")


def training_id(organiser_id: UUID, external_ref: str) -> UUID:
    """One stream per training in the organiser's own system: never planned twice."""
    return uuid5(_NAMESPACE, f"training:{organiser_id}:{external_ref}")


def alliance_membership_id(member_id: UUID) -> UUID:
    """A platform's or an institution's membership of the service alliance: one per member."""
    return uuid5(_NAMESPACE, f"alliance-membership:{member_id}")
