"""The directory: which streams of each kind exist, in the order they entered the log.

The list routes (platforms, institutions, experts, agreements, onboarding applications,
budgets, appraisals, publications, closed periods, data reports, access keys, complaints,
violations, entrustments, trainings, alliance memberships) read their ids here, filtered by the
columns that never change once a stream exists (the parties of an agreement, a budget's year and
hub, a report's window and period, the subject of a complaint or a violation and the year it
counts in, an entrustment's hub, a training's organiser and the year it starts in, an alliance
member), then load just those aggregates: the cost of a list grows with its answer, not with
the log.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar
from uuid import UUID

from ledger.domain.access_key import AccessKey
from ledger.domain.agreement import Agreement
from ledger.domain.alliance import AllianceMembership
from ledger.domain.appraisal import Appraisal
from ledger.domain.budget import Budget
from ledger.domain.complaint import Complaint
from ledger.domain.data_report import DataReport
from ledger.domain.entrustment import Entrustment
from ledger.domain.expert import Expert
from ledger.domain.institution import Institution
from ledger.domain.onboarding import OnboardingApplication
from ledger.domain.period import Period
from ledger.domain.platform import Platform
from ledger.domain.publication import Publication
from ledger.domain.time import CST
from ledger.domain.training import Training
from ledger.domain.violation import Violation
from projections.base import Event, Projection, on, text
from projections.store import Tx, ViewStore

DIRECTORY = "view_directory"


def _enter(
    tx: Tx,
    kind: str,
    event: Event,
    position: int,
    *,
    party_a: UUID | None = None,
    party_b: UUID | None = None,
    year: int | None = None,
    period: str | None = None,
) -> None:
    tx.execute(
        f"INSERT INTO {DIRECTORY} (kind, stream_id, position, party_a, party_b, year, period) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, stream_id) DO NOTHING",
        (
            kind, str(event.originator_id), position, text(party_a), text(party_b), year,
            period,
        ),
    )  # fmt: skip


class DirectoryProjection(Projection):
    name = "directory"
    version = 1
    tables: ClassVar[dict[str, str]] = {
        DIRECTORY: (
            "kind TEXT NOT NULL, stream_id TEXT NOT NULL, position BIGINT NOT NULL, "
            "party_a TEXT, party_b TEXT, year INTEGER, period TEXT, "
            "PRIMARY KEY (kind, stream_id)"
        ),
    }
    # A page of a list reads on from a position: the entries of a kind in log order.
    indexes: ClassVar[dict[str, str]] = {
        f"{DIRECTORY}_kind_position_idx": f"{DIRECTORY} (kind, position)",
    }

    @on(Platform.RegisteredAsConnected, Platform.ConnectedAfterOnboarding)
    def platform_entered(self, tx: Tx, event: Platform.Event, position: int) -> None:
        _enter(tx, "platform", event, position)

    @on(Institution.Registered)
    def institution_registered(self, tx: Tx, event: Institution.Registered, position: int) -> None:
        _enter(tx, "institution", event, position)

    @on(Expert.Registered)
    def expert_registered(self, tx: Tx, event: Expert.Registered, position: int) -> None:
        _enter(tx, "expert", event, position)

    @on(Agreement.Proposed)
    def agreement_proposed(self, tx: Tx, event: Agreement.Proposed, position: int) -> None:
        _enter(
            tx, "agreement", event, position,
            party_a=event.proposer_id, party_b=event.counterparty_id,
        )  # fmt: skip

    @on(OnboardingApplication.Submitted)
    def application_submitted(
        self, tx: Tx, event: OnboardingApplication.Submitted, position: int
    ) -> None:
        _enter(tx, "onboarding_application", event, position)

    @on(Budget.Proposed)
    def budget_proposed(self, tx: Tx, event: Budget.Proposed, position: int) -> None:
        _enter(tx, "budget", event, position, party_a=event.hub_id, year=event.year)

    @on(Appraisal.Computed)
    def appraisal_computed(self, tx: Tx, event: Appraisal.Computed, position: int) -> None:
        _enter(tx, "appraisal", event, position, year=event.year)

    @on(Publication.Submitted)
    def publication_submitted(self, tx: Tx, event: Publication.Submitted, position: int) -> None:
        _enter(tx, "publication", event, position)

    @on(Period.Closed)
    def period_closed(self, tx: Tx, event: Period.Closed, position: int) -> None:
        _enter(tx, "period", event, position)

    @on(DataReport.Requested)
    def report_requested(self, tx: Tx, event: DataReport.Requested, position: int) -> None:
        _enter(tx, "data_report", event, position, party_a=event.window_id, period=event.period)

    @on(Complaint.Lodged)
    def complaint_lodged(self, tx: Tx, event: Complaint.Lodged, position: int) -> None:
        year = event.meta.occurred_at.astimezone(CST).year  # the Ningxia year it was lodged in
        _enter(tx, "complaint", event, position, party_a=event.subject_id, year=year)

    @on(Violation.Found)
    def violation_found(self, tx: Tx, event: Violation.Found, position: int) -> None:
        _enter(tx, "violation", event, position, party_a=event.subject_id, year=event.found_on.year)

    @on(Entrustment.Made)
    def entrustment_made(self, tx: Tx, event: Entrustment.Made, position: int) -> None:
        _enter(tx, "entrustment", event, position, party_a=event.hub_id)

    @on(Training.Planned)
    def training_planned(self, tx: Tx, event: Training.Planned, position: int) -> None:
        year = event.starts_on.year
        _enter(tx, "training", event, position, party_a=event.organiser_id, year=year)

    @on(AllianceMembership.Joined)
    def member_joined(self, tx: Tx, event: AllianceMembership.Joined, position: int) -> None:
        _enter(tx, "alliance_membership", event, position, party_a=event.member_id)

    @on(AccessKey.Issued)
    def key_issued(self, tx: Tx, event: AccessKey.Issued, position: int) -> None:
        _enter(tx, "access_key", event, position)


class ViewDirectory:
    """The directory as the application's queries read it (``ledger.application.ports``)."""

    def __init__(self, store: ViewStore) -> None:
        self.store = store

    def entries(
        self,
        kind: str,
        *,
        after: int = 0,
        limit: int | None = None,
        party: UUID | None = None,
        party_a: UUID | None = None,
        year: int | None = None,
        period: str | None = None,
    ) -> list[tuple[UUID, int]]:
        where, params = ["kind = ?", "position > ?"], [kind, after]
        if party is not None:
            where.append("(party_a = ? OR party_b = ?)")
            params += [str(party), str(party)]
        if party_a is not None:
            where.append("party_a = ?")
            params.append(str(party_a))
        conditions: Sequence[tuple[str, object]] = (("year = ?", year), ("period = ?", period))
        for condition, value in conditions:
            if value is not None:
                where.append(condition)
                params.append(value)
        bound = "" if limit is None else f" LIMIT {int(limit)}"
        with self.store.read() as tx:
            rows = tx.fetchall(
                f"SELECT stream_id, position FROM {DIRECTORY} WHERE {' AND '.join(where)} "
                f"ORDER BY position{bound}",
                tuple(params),
            )
        return [(UUID(row[0]), int(row[1])) for row in rows]
