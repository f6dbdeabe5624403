"""Commands as data, and the capabilities that handle them.

A :class:`Command` is one intent, as a frozen dataclass (``OpenCase``, ``RecordDelivery``,
``ApproveDisbursement``): what a route, the command line or a job asks for, with nothing
callable in it. A :class:`Capability` handles every command about one kind of aggregate, and
says once what that aggregate is (its type, the error for one that does not exist, how it is
shown) and who may see and change it. Each of its handler methods is marked with the command it
handles:

- ``@creates(OpenCase, exists=ExternalRefExistsError)`` — a method ``(command, meta)`` that
  returns the new aggregate (or a :class:`~ledger.application.uow.Decision` naming others saved
  with it);
- ``@acts(RecordDelivery)`` — a method ``(aggregate, command, meta)`` that calls the domain on
  the loaded aggregate and returns the other aggregates it changed with it, if any;
- ``@handles(ImportCases)`` — a method ``(command, context)`` for a command that is not one
  decision about one stream (it builds its writes and runs them through the unit of work).

The ledger turns the pair into one unit of work (load, guard, decide, render, save), so no
capability repeats how a write is loaded, checked, made idempotent or saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Generic, TypeVar, cast
from uuid import UUID

from ledger.application.context import Principal, RequestContext
from ledger.application.writes import Decision, Outcome, Write
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import AlreadyExistsError, NotFoundError
from ledger.domain.time import business_date

A = TypeVar("A", bound=LedgerAggregate)
R = TypeVar("R")
JSON = dict[str, Any]
View = Mapping[str, Any]
"""A resource as the API shows it: a plain dict, typed per resource by a TypedDict."""


@dataclass(frozen=True, kw_only=True)
class Command(Generic[R]):
    """One write, as data. ``R`` is what handling it returns (an :class:`Outcome` unless the
    command says otherwise, e.g. an issued key with its secret)."""

    occurred_at: datetime | None = None
    """Business time: when it happened in the world (``None``: now, on the ledger's clock)."""

    def result(self, outcome: Outcome) -> R:
        """What the caller gets for the command's outcome."""
        return cast(R, outcome)


@dataclass(frozen=True)
class Handling:
    """How one command type is handled: by which method, creating a stream or acting on one."""

    command: type[Command[Any]]
    method: str
    kind: str = "acts"
    """``creates`` a stream, ``acts`` on one, or is handled ``whole`` by its method."""
    exists: type[AlreadyExistsError] | None = None

    @property
    def creates(self) -> bool:
        return self.kind == "creates"

    @property
    def whole(self) -> bool:
        return self.kind == "whole"


_MARK = "__handles__"


def creates(
    command: type[Command[Any]], *, exists: type[AlreadyExistsError]
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a method ``(self, command, meta) -> aggregate | Decision`` as the handler of
    ``command``, which creates a stream; ``exists`` is the error when it is already recorded."""

    def mark(method: Callable[..., Any]) -> Callable[..., Any]:
        setattr(method, _MARK, Handling(command, method.__name__, "creates", exists))
        return method

    return mark


def handles(command: type[Command[Any]]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a method ``(self, command, context) -> R`` that handles ``command`` whole: a command
    that is not one decision about one stream (a bulk import decides many)."""

    def mark(method: Callable[..., Any]) -> Callable[..., Any]:
        setattr(method, _MARK, Handling(command, method.__name__, "whole"))
        return method

    return mark


def acts(command: type[Command[Any]]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a method ``(self, aggregate, command, meta) -> others | None`` as the handler of
    ``command``, which acts on the stream named by the capability's ``target`` field."""

    def mark(method: Callable[..., Any]) -> Callable[..., Any]:
        setattr(method, _MARK, Handling(command, method.__name__))
        return method

    return mark


class Capability(Generic[A]):
    """Every command about one kind of aggregate, and who may see and change it."""

    aggregate: ClassVar[type[LedgerAggregate]]
    resource_type: ClassVar[str]
    """As in ``Location`` and idempotency records: ``service_case`` → ``/v1/service-cases``."""
    label: ClassVar[str]
    """How an error names one: "service case"."""
    not_found: ClassVar[type[NotFoundError]]
    target: ClassVar[str] = "id"
    """The field of an acting command that names the stream it acts on."""
    dated: ClassVar[bool] = False
    """Whether the view depends on the day (statuses that follow from dates, not events)."""
    handlings: ClassVar[dict[type[Command[Any]], Handling]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        found = dict(cls.handlings)
        for name in dir(cls):
            handling = getattr(getattr(cls, name), _MARK, None)
            if isinstance(handling, Handling):
                found[handling.command] = handling
        cls.handlings = found

    # --- what a capability says about its aggregate (override where it differs) ------------

    def view(self, aggregate: A, on: date) -> View:
        """The aggregate as the API shows it (on the day ``on``, for dated views)."""
        raise NotImplementedError

    def visible(self, aggregate: A, principal: Principal) -> bool:
        """Whether ``principal`` may read ``aggregate`` at all (if not, it does not exist)."""
        return True

    def guard(self, aggregate: A, command: Command[Any], context: RequestContext) -> None:
        """Runs on the loaded aggregate before anything else of a command is checked: one who may
        not see it is told it does not exist, before a version mismatch could reveal that it
        does. By default, the readers' rule."""
        if not self.visible(aggregate, context.principal):
            raise self.missing(aggregate.id)

    def missing(self, stream_id: UUID) -> NotFoundError:
        return self.not_found(f"No {self.label} with id {stream_id}.", id=str(stream_id))

    # --- turning a command into a unit of work ---------------------------------------------

    def write(self, command: Command[Any], context: RequestContext, meta: Envelope) -> Write[A]:
        handling = self.handlings[type(command)]
        method = getattr(self, handling.method)
        on = business_date(meta)

        def render(aggregate: A) -> View:
            return self.view(aggregate, on)

        if handling.creates:
            return Write(
                stream_id=None,
                aggregate_type=cast(type[A], self.aggregate),
                decide=lambda _: method(command, meta),
                resource_type=self.resource_type,
                render=render,
                not_found=self.not_found,
                exists=handling.exists,
                authority=context.principal.authority,
            )

        def decide(aggregate: A | None) -> Decision[A]:
            if aggregate is None:  # only a creating command finds none
                raise self.missing(getattr(command, self.target))
            others: Iterable[LedgerAggregate] | None = method(aggregate, command, meta)
            return Decision(aggregate, tuple(others or ()))

        return Write(
            stream_id=getattr(command, self.target),
            aggregate_type=cast(type[A], self.aggregate),
            decide=decide,
            resource_type=self.resource_type,
            render=render,
            not_found=self.not_found,
            expected_version=context.expected_version,
            guard=lambda aggregate: self.guard(aggregate, command, context),
            authority=context.principal.authority,
        )
