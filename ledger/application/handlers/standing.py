"""Orderly entry and exit (Art. 13), the same for platforms and institutions: who may take a
standing step on a subject, and the step itself.

Not a capability: the platforms' and the institutions' capabilities each hand their standing
command here. Who may act depends on the subject, so the subject is read (and one that does not
exist reported) before anything else of the request is looked at: the bureau supervises the hub;
the hub supervises windows and institutions. The bureau's decisions (granting or declining
priority support, revocation) are not a supervisor's steps: only bureau keys take them. An
operator of the ledger itself (no role: the command line, the demo seed) is not an access key
and is not asked.
"""

from __future__ import annotations

from typing import TypeVar, cast

from ledger.application.capability import Capability
from ledger.application.citations import check_citation
from ledger.application.commands.standing import (
    ChangeStanding,
    CompleteRectification,
    DeclinePrioritySupport,
    FailRecheck,
    GrantPrioritySupport,
    OrderRectification,
    ProposePrioritySupport,
    RequestRevocation,
    Revoke,
    StandingStep,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.ports import Store
from ledger.application.uow import UnitOfWork
from ledger.application.writes import Outcome, Write
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.domain.errors import ForbiddenRoleError
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.standing import StandingAggregate
from ledger.domain.time import business_date

S = TypeVar("S", bound=StandingAggregate)


def supervisor_of(subject: StandingAggregate) -> Role:
    """The bureau supervises the hub; the hub supervises windows and institutions."""
    if isinstance(subject, Platform) and subject.kind is PlatformKind.HUB:
        return Role.BUREAU
    return Role.HUB


BUREAU_DECISIONS = (GrantPrioritySupport, DeclinePrioritySupport, Revoke)
"""The steps that are the bureau's, whoever supervises the subject."""


def check_supervisor(
    subject: StandingAggregate, label: str, step: StandingStep, principal: Principal
) -> None:
    """Refuse a supervised step to any key but the subject's supervisor's."""
    if isinstance(step, BUREAU_DECISIONS) or principal.role is None:
        if principal.role not in (None, Role.BUREAU):
            raise ForbiddenRoleError(
                f"The bureau decides this; a {principal.role_name} key cannot "
                f"change this {label}'s standing so."
            )
        return
    supervisor = supervisor_of(subject)
    if principal.role is not supervisor:
        raise ForbiddenRoleError(
            f"The {supervisor.value} supervises this {label}; "
            f"a {principal.role_name} key cannot change its standing."
        )


def take(subject: StandingAggregate, step: StandingStep, meta: Envelope) -> None:
    match step:
        case ProposePrioritySupport():
            subject.propose_priority_support(
                year=step.year, citation=step.citation, note=step.note, meta=meta
            )
        case DeclinePrioritySupport():
            subject.decline_priority_support(year=step.year, reasons=step.reasons, meta=meta)
        case GrantPrioritySupport():
            subject.grant_priority_support(
                year=step.year, citation=step.citation, note=step.note, meta=meta
            )
        case OrderRectification():
            subject.order_rectification(
                deadline=step.deadline, reasons=step.reasons, citation=step.citation, meta=meta
            )
        case CompleteRectification():
            subject.complete_rectification(note=step.note, meta=meta)
        case FailRecheck():
            subject.fail_recheck(reasons=step.reasons, meta=meta)
        case RequestRevocation():
            subject.request_revocation(reasons=step.reasons, meta=meta)
        case _:
            subject.revoke(reasons=step.reasons, meta=meta)


def admit(
    capability: Capability[S], store: Store, command: ChangeStanding, principal: Principal
) -> S:
    """The subject of ``command``, if it exists and ``principal`` may take the step on it.

    Checked before anything else of the request: the route asks this first when the request's
    own conditions (its If-Match) cannot even be read, so the answer stays the one it always was.
    """
    aggregate_type = cast(type[S], capability.aggregate)
    subject = store.load(command.subject_id, aggregate_type, capability.not_found, capability.label)
    check_supervisor(subject, capability.label, command.step, principal)
    return subject


def change_standing(
    capability: Capability[S],
    store: Store,
    uow: UnitOfWork,
    command: ChangeStanding,
    context: RequestContext,
) -> Outcome:
    """Check who asks against the subject, then take the step through the unit of work."""
    aggregate_type = cast(type[S], capability.aggregate)
    subject_id = command.subject_id
    admit(capability, store, command, context.principal)
    meta = uow.envelope(context, command.occurred_at)
    on = business_date(meta)

    step = command.step
    if isinstance(step, ProposePrioritySupport | GrantPrioritySupport | OrderRectification):
        check_citation(store, subject_id, step)

    def decide(subject: S | None) -> S:
        if subject is None:  # only a creating write finds none
            raise capability.missing(subject_id)
        take(subject, step, meta)
        return subject

    write = Write(
        stream_id=subject_id,
        aggregate_type=aggregate_type,
        decide=decide,
        resource_type=capability.resource_type,
        render=lambda subject: capability.view(subject, on),
        not_found=capability.not_found,
        expected_version=context.expected_version,
    )
    return uow.run(write, meta, context.idempotency)
