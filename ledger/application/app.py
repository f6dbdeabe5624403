"""The ledger application: every aggregate of the network in one application, one log.

A write is a command (``ledger.application.commands``) handled by the one capability that
handles its type (``ledger.application.handlers``), through the unit of work:
``ledger.handle(command, context)``. Queries read aggregates (at any version or time) and the
log. Plain views for the edges live in ``ledger.application.interface``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar, cast
from uuid import UUID

from eventsourcing.utils import EnvType, get_topic

from ledger.application.capability import Capability, Command
from ledger.application.context import Principal, RequestContext
from ledger.application.handlers.access_keys import AccessKeys
from ledger.application.handlers.activities import Activities
from ledger.application.handlers.agreements import Agreements
from ledger.application.handlers.alliance import Alliance
from ledger.application.handlers.appraisals import Appraisals
from ledger.application.handlers.budgets import Budgets
from ledger.application.handlers.cases import ServiceCases
from ledger.application.handlers.complaints import Complaints
from ledger.application.handlers.data_reports import DataReports
from ledger.application.handlers.disbursements import Disbursements
from ledger.application.handlers.enterprises import Enterprises
from ledger.application.handlers.entrustments import Entrustments
from ledger.application.handlers.experts import ExpertPool
from ledger.application.handlers.institutions import Institutions
from ledger.application.handlers.onboarding import OnboardingApplications
from ledger.application.handlers.periods import Periods
from ledger.application.handlers.platforms import Platforms
from ledger.application.handlers.publications import Publications
from ledger.application.handlers.schemes import Schemes
from ledger.application.handlers.security import SecurityFiles
from ledger.application.handlers.trainings import Trainings
from ledger.application.handlers.violations import Violations
from ledger.application.log_reader import LoggedEvent
from ledger.application.lookups import Lookups
from ledger.application.personal_data import ERASURE_TOPICS, KeyStore, PersonalDataVault
from ledger.application.principals import Principals
from ledger.application.store import LedgerCore, utc_now
from ledger.application.writes import Outcome
from ledger.domain.access_key import AccessKey
from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import LedgerError
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform
from ledger.domain.time import DEFAULT_BOUNDS, TimeBounds

A = TypeVar("A", bound=LedgerAggregate)
R = TypeVar("R")

__all__ = ["LedgerApplication", "LedgerCore", "LoggedEvent", "utc_now"]


class LedgerApplication(LedgerCore):
    """Every aggregate of the network in one application, so the history has one total order."""

    name = "Ledger"

    def __init__(
        self,
        env: EnvType | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
        bounds: TimeBounds = DEFAULT_BOUNDS,
    ) -> None:
        super().__init__(env, clock=clock, bounds=bounds)
        self.uow.revoked_topics = tuple(
            get_topic(e) for e in (AccessKey.Revoked, Platform.Revoked, Institution.Revoked)
        )
        # The recorder destroys a subject's keys in the commit that erases its personal data.
        self.recorder.erasure_topics = ERASURE_TOPICS  # type: ignore[attr-defined]
        self.lookups = Lookups(self)
        self.principals = Principals(self)
        """Who a key is, from the log in memory: what the API authenticates with."""
        lookups = self.lookups
        self.capabilities: tuple[Capability[Any], ...] = (
            ServiceCases(self, lookups, self.uow),
            Budgets(lookups),
            Disbursements(lookups),
            Agreements(lookups, self.uow),
            Appraisals(lookups),
            Activities(lookups),
            DataReports(lookups),
            Publications(lookups),
            Complaints(lookups),
            Violations(lookups),
            Entrustments(lookups),
            Trainings(lookups),
            Alliance(lookups),
            Periods(lookups),
            Schemes(lookups),
            OnboardingApplications(self, lookups, self.uow),
            ExpertPool(),
            Platforms(self, self.uow),
            Institutions(self, self.uow),
            Enterprises(PersonalDataVault(cast(KeyStore, self.recorder))),
            SecurityFiles(self, lookups, self.uow),
            AccessKeys(lookups, self.clock, self.save),
        )
        self._handlers: dict[type[Command[Any]], Capability[Any]] = {
            c: cap for cap in self.capabilities for c in cap.handlings
        }
        self._by_aggregate: dict[type[LedgerAggregate], Capability[Any]] = {
            cap.aggregate: cap for cap in self.capabilities
        }

    def handle(self, command: Command[R], context: RequestContext) -> R:
        """Handle ``command`` as asked in ``context``: the one entry point of every write."""
        capability = self._handlers.get(type(command))
        if capability is None:
            msg = f"No capability handles {type(command).__name__}."
            raise TypeError(msg)
        handling = capability.handlings[type(command)]
        if handling.whole:
            return cast(R, getattr(capability, handling.method)(command, context))
        meta = self.uow.envelope(context, command.occurred_at)
        outcome = self.uow.run(capability.write(command, context, meta), meta, context.idempotency)
        return command.result(outcome)

    def handle_all(
        self, commands: Sequence[tuple[str, Command[Outcome]]], context: RequestContext
    ) -> list[Outcome | LedgerError]:
        """Handle the commands of one request, each under a name unique in it, in as few
        transactions as possible: each is decided on its own (one refused gets its error as its
        answer) and the rest are saved together.

        With an Idempotency-Key, a retry of the request gets the first answers: the commands it
        recorded are answered as they were, without being decided again; the key with another
        request is refused."""
        key, names = context.idempotency, [name for name, _ in commands]
        replayed = self.uow.replayed_parts(key, names) if key is not None else None
        answers: dict[str, Outcome | LedgerError] = dict(replayed or {})
        todo = [(name, command) for name, command in commands if name not in answers]
        writes = []
        for _, command in todo:
            meta = self.uow.envelope(context, command.occurred_at)
            writes.append((self._handlers[type(command)].write(command, context, meta), meta))
        # A retry's key is recorded already: what it records now is kept under no key.
        done = self.uow.run_all(writes, key if replayed is None else None, [n for n, _ in todo])
        answers.update(zip((name for name, _ in todo), done, strict=True))
        return [answers[name] for name in names]

    def capability(self, aggregate_type: type[LedgerAggregate]) -> Capability[Any]:
        """The capability that handles (and shows) aggregates of ``aggregate_type``."""
        return self._by_aggregate[aggregate_type]

    def get(self, aggregate_type: type[A], stream_id: UUID, version: int | None = None) -> A:
        """The aggregate ``stream_id`` now (or at ``version``), or its capability's not-found."""
        capability = self.capability(aggregate_type)
        return self.load(stream_id, aggregate_type, capability.not_found, capability.label, version)

    def read(
        self,
        aggregate_type: type[A],
        stream_id: UUID,
        principal: Principal,
        *,
        version: int | None = None,
        as_of: datetime | None = None,
        business_date: date | None = None,
    ) -> A:
        """What ``principal`` may read of ``stream_id``: now, at a version, as of a record time,
        as it stood on a business date, or as known at a record time about a business date.

        Whether it may read it at all is decided on the latest state; one who may not is told
        it does not exist, before any version or time is looked up.
        """
        capability = self.capability(aggregate_type)
        latest, visible = self.readable(aggregate_type, stream_id, principal)
        if not visible:
            raise capability.missing(stream_id)
        if business_date is not None:
            return self.get_as_it_stood(
                stream_id, aggregate_type, business_date, capability.not_found, as_of=as_of
            )
        if as_of is not None:
            return self.get_as_of(stream_id, aggregate_type, as_of, capability.not_found)
        if version is not None:
            return self.get(aggregate_type, stream_id, version)
        return latest

    def readable(
        self, aggregate_type: type[A], stream_id: UUID, principal: Principal
    ) -> tuple[A, bool]:
        """The latest state of ``stream_id``, and whether ``principal`` may read it: the rule
        :meth:`read` and :meth:`read_history` apply, for a caller that decides about many
        streams without an error for each it may not read (the change feed)."""
        latest = self.get(aggregate_type, stream_id)
        return latest, self.capability(aggregate_type).visible(latest, principal)

    def read_history(
        self, aggregate_type: type[LedgerAggregate], stream_id: UUID, principal: Principal
    ) -> list[LoggedEvent]:
        """Every event of ``stream_id`` with its log position, if ``principal`` may read it."""
        self.read(aggregate_type, stream_id, principal)
        return self.history(stream_id)
