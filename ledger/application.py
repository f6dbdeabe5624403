"""The ledger application: one event-sourced application holding every aggregate, one log.

Commands are methods that describe a decision and hand it to the unit of work; queries read
aggregates (at any version or time) and the log. Plain views for the edges live in
``ledger.interface``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol, TypeVar, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import CanMutateAggregate
from eventsourcing.persistence import (
    IntegrityError,
    Notification,
    StoredEvent,
    Transcoder,
)
from eventsourcing.utils import Environment, EnvType, get_topic

from ledger import interface
from ledger.domain import ids
from ledger.domain.access_key import AccessKey, Genesis, Role, hash_secret, new_secret
from ledger.domain.base import LedgerAggregate
from ledger.domain.enterprise import Enterprise
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.service_case import Channel, Demand, ServiceCase
from ledger.envelope import Envelope
from ledger.errors import (
    AccessKeyExistsError,
    AccessKeyNotFoundError,
    EnterpriseExistsError,
    EnterpriseNotFoundError,
    ExternalRefExistsError,
    KeyPlatformMismatchError,
    LedgerInitialisedError,
    PlatformExistsError,
    PlatformNotConnectedError,
    PlatformNotFoundError,
    ServiceCaseNotFoundError,
    UnknownEnterpriseError,
    WrongPlatformKindError,
)
from ledger.persistence.idempotency import IdempotentResult
from ledger.transcoder import ledger_transcoder
from ledger.uow import Command, IdempotencyRequest, Outcome, UnitOfWork

A = TypeVar("A", bound=LedgerAggregate)


class LedgerRecorder(Protocol):
    """What the ledger needs from its recorder beyond the library's interface."""

    def select_idempotency(self, scope: str, key: str) -> IdempotentResult | None: ...

    def select_stream_notifications(self, stream_id: UUID) -> list[tuple[int, StoredEvent]]: ...

    def ping(self) -> None: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class IssuedKey:
    """A new key: the secret is shown once and never stored."""

    secret: str
    outcome: Outcome


@dataclass(frozen=True)
class LoggedEvent:
    position: int
    event: CanMutateAggregate[UUID]
    topic: str


class LedgerApplication(Application[UUID]):
    """Every aggregate of the network in one application, so the history has one total order."""

    name = "Ledger"
    # Readers page the log in large sections: the default of 10 makes reads ~5x slower.
    log_section_size = 1000

    def __init__(
        self,
        env: EnvType | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
        clock_skew: timedelta = timedelta(minutes=5),
    ) -> None:
        super().__init__(env)
        self.clock = clock
        self.uow = UnitOfWork(self, clock, clock_skew)

    def construct_env(self, name: str, env: EnvType | None = None) -> Environment:
        # Configured only from what the composition root passes in, never from os.environ.
        return Environment(name, dict(env or {}))

    def construct_transcoder(self) -> Transcoder:
        return ledger_transcoder()

    @property
    def recorder_ext(self) -> LedgerRecorder:
        return cast(LedgerRecorder, self.recorder)

    # --- platforms ------------------------------------------------------------------------

    def register_connected_platform(
        self,
        *,
        kind: PlatformKind,
        name: str,
        uscc: str,
        region: str,
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def decide(_: Platform | None) -> Platform:
            return Platform.register_connected(
                kind=kind, name=name, uscc=uscc, region=region, meta=meta
            )

        return self.uow.run(
            Command(
                stream_id=ids.platform_id(uscc),
                aggregate_type=Platform,
                decide=decide,
                resource_type="platform",
                render=interface.platform_view,
                not_found=PlatformNotFoundError,
                exists=PlatformExistsError,
            ),
            meta,
            idempotency,
        )

    def get_platform(self, platform_id: UUID, version: int | None = None) -> Platform:
        return self._get(platform_id, Platform, PlatformNotFoundError, "platform", version)

    def connected_window(self, platform_id: UUID) -> Platform:
        """The window platform that is acting, refused unless it is connected."""
        platform = self.get_platform(platform_id)
        if platform.kind is not PlatformKind.WINDOW:
            raise WrongPlatformKindError(
                f"Platform {platform_id} is a {platform.kind} platform; only windows record cases."
            )
        if not platform.is_connected:
            raise PlatformNotConnectedError(
                f"Platform {platform_id} is {platform.status}; only connected platforms record "
                "services."
            )
        return platform

    # --- enterprises ----------------------------------------------------------------------

    def register_enterprise(
        self,
        *,
        uscc: str,
        name: str,
        region: str,
        industry: str,
        employees: int,
        revenue_wan: Decimal,
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        def decide(_: Enterprise | None) -> Enterprise:
            return Enterprise.register(
                uscc=uscc,
                name=name,
                region=region,
                industry=industry,
                employees=employees,
                revenue_wan=revenue_wan,
                meta=meta,
            )

        return self.uow.run(
            Command(
                stream_id=ids.enterprise_id(uscc.strip().upper()),
                aggregate_type=Enterprise,
                decide=decide,
                resource_type="enterprise",
                render=interface.enterprise_view,
                not_found=EnterpriseNotFoundError,
                exists=EnterpriseExistsError,
            ),
            meta,
            idempotency,
        )

    def get_enterprise(self, uscc: str) -> Enterprise:
        return self._get(
            ids.enterprise_id(uscc.strip().upper()),
            Enterprise,
            EnterpriseNotFoundError,
            "enterprise",
        )

    # --- service cases --------------------------------------------------------------------

    def open_case(
        self,
        *,
        external_ref: str,
        uscc: str,
        category: str,
        channel: Channel,
        description: str,
        meta: Envelope,
        then: Sequence[Callable[[ServiceCase], None]] = (),
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Open a case, then apply ``then`` (e.g. assign, deliver, feedback) in the same save.

        This is how a window records an already-delivered service in one call: all its events
        are appended atomically, in order, or none are.
        """
        window_id = self._acting_window(meta)

        def decide(_: ServiceCase | None) -> ServiceCase:
            self.connected_window(window_id)
            try:
                enterprise = self.get_enterprise(uscc)
            except EnterpriseNotFoundError:
                raise UnknownEnterpriseError(
                    f"No enterprise with USCC {uscc} is registered; register it first "
                    "(POST /v1/enterprises).",
                    uscc=uscc,
                ) from None
            case = ServiceCase.open(
                window_id=window_id,
                demand=Demand(
                    external_ref=external_ref,
                    enterprise_id=enterprise.id,
                    uscc=enterprise.uscc,
                    category=category,
                    channel=channel,
                    description=description,
                ),
                meta=meta,
            )
            for step in then:
                step(case)
            return case

        return self.uow.run(
            Command(
                stream_id=ids.service_case_id(window_id, external_ref),
                aggregate_type=ServiceCase,
                decide=decide,
                resource_type="service_case",
                render=interface.service_case_view,
                not_found=ServiceCaseNotFoundError,
                exists=ExternalRefExistsError,
            ),
            meta,
            idempotency,
        )

    def act_on_case(
        self,
        case_id: UUID,
        action: Callable[[ServiceCase], None],
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Run one step (assign, deliver, feedback, close, cancel) on an existing case."""
        window_id = self._acting_window(meta)

        def owned(case: ServiceCase) -> None:
            if case.window_id != window_id:
                # Another window's case is reported as absent, never as someone else's.
                raise ServiceCaseNotFoundError(
                    f"No service case with id {case_id}.", id=str(case_id)
                )

        def decide(case: ServiceCase | None) -> ServiceCase:
            if case is None:
                raise ServiceCaseNotFoundError(f"No service case with id {case_id}.")
            self.connected_window(window_id)
            action(case)
            return case

        return self.uow.run(
            Command(
                stream_id=case_id,
                aggregate_type=ServiceCase,
                decide=decide,
                resource_type="service_case",
                render=interface.service_case_view,
                not_found=ServiceCaseNotFoundError,
                expected_version=expected_version,
                guard=owned,
            ),
            meta,
            idempotency,
        )

    def get_case(self, case_id: UUID, version: int | None = None) -> ServiceCase:
        return self._get(case_id, ServiceCase, ServiceCaseNotFoundError, "service case", version)

    # --- access keys ----------------------------------------------------------------------

    def issue_key(
        self, *, role: Role, platform_id: UUID | None, name: str, meta: Envelope
    ) -> IssuedKey:
        if platform_id is not None:
            platform = self.get_platform(platform_id)
            if role in (Role.HUB, Role.WINDOW) and platform.kind.value != role.value:
                raise KeyPlatformMismatchError(
                    f"A {role.value} key is bound to a {role.value} platform; "
                    f"{platform_id} is a {platform.kind.value} platform."
                )
        secret = new_secret()

        def decide(_: AccessKey | None) -> AccessKey:
            return AccessKey.issue(
                secret=secret, role=role, platform_id=platform_id, name=name, meta=meta
            )

        outcome = self.uow.run(
            Command(
                stream_id=ids.access_key_id(hash_secret(secret)),
                aggregate_type=AccessKey,
                decide=decide,
                resource_type="access_key",
                render=interface.access_key_view,
                not_found=AccessKeyNotFoundError,
                exists=AccessKeyExistsError,
            ),
            meta,
        )
        return IssuedKey(secret=secret, outcome=outcome)

    def initialise(self, meta: Envelope) -> IssuedKey:
        """Issue the first admin key of an empty ledger, exactly once even if raced."""
        secret = new_secret()
        key = AccessKey.issue(
            secret=secret, role=Role.ADMIN, platform_id=None, name="first admin", meta=meta
        )
        genesis = Genesis.initialise(key.id, meta)
        body = interface.access_key_view(key)
        # Two aggregates in one save, outside the unit of work: the genesis marker's fixed id
        # makes a racing second initialisation fail as a whole, so only one key is ever shown.
        try:
            recordings = self.save(genesis, key)
        except IntegrityError:
            raise LedgerInitialisedError("This ledger already has its first admin key.") from None
        outcome = Outcome(
            resource_type="access_key",
            resource_id=key.id,
            version=key.version,
            body=body,
            position=recordings[-1].notification.id,
            created=True,
        )
        return IssuedKey(secret=secret, outcome=outcome)

    def is_initialised(self) -> bool:
        return ids.GENESIS_ID in self.repository

    def revoke_key(self, key_id: UUID, reason: str, meta: Envelope) -> Outcome:
        def decide(key: AccessKey | None) -> AccessKey:
            if key is None:
                raise AccessKeyNotFoundError(f"No access key with id {key_id}.")
            key.revoke(reason, meta)
            return key

        return self.uow.run(
            Command(
                stream_id=key_id,
                aggregate_type=AccessKey,
                decide=decide,
                resource_type="access_key",
                render=interface.access_key_view,
                not_found=AccessKeyNotFoundError,
            ),
            meta,
        )

    def authenticate(self, secret: str) -> AccessKey | None:
        """The live key for ``secret``, or ``None`` if it is unknown or revoked."""
        try:
            key: LedgerAggregate = self.repository.get(ids.access_key_id(hash_secret(secret)))
        except AggregateNotFoundError:
            return None
        if not isinstance(key, AccessKey) or key.revoked:
            return None
        return key

    def list_keys(self) -> list[AccessKey]:
        """Every key ever issued, in issue order (found through the log, by event type)."""
        topic = get_topic(AccessKey.Issued)
        key_ids = [n.originator_id for n in self._scan(topics=[topic])]
        return [self._get(cast(UUID, k), AccessKey, AccessKeyNotFoundError, "key") for k in key_ids]

    # --- point in time, history and the log -----------------------------------------------

    def get_as_of(
        self, stream_id: UUID, aggregate_type: type[A], as_of: datetime, not_found: type[Any]
    ) -> A:
        """The aggregate as it stood at record time ``as_of``."""
        aggregate: A | None = None
        for event in self.events.get(stream_id):
            change = cast(CanMutateAggregate[UUID], event)
            if change.timestamp > as_of:
                break
            aggregate = change.mutate(aggregate)
        if aggregate is None or not isinstance(aggregate, aggregate_type):
            raise not_found(
                f"Nothing was recorded for {stream_id} at or before {as_of.isoformat()}.",
                id=str(stream_id),
            )
        return aggregate

    def history(self, stream_id: UUID) -> list[LoggedEvent]:
        """Every event of one stream with its log position."""
        stored = self.recorder_ext.select_stream_notifications(stream_id)
        return [
            LoggedEvent(
                position,
                cast(CanMutateAggregate[UUID], self.mapper.to_domain_event(s)),
                s.topic,
            )
            for position, s in stored
        ]

    def log_page(self, after: int, limit: int) -> list[LoggedEvent]:
        """Events with positions above ``after``, in log order."""
        notifications = self.recorder.select_notifications(
            start=after, limit=limit, inclusive_of_start=False
        )
        return [self._logged(n) for n in notifications]

    def head_position(self) -> int:
        return self.recorder.max_notification_id() or 0

    def ping(self) -> None:
        self.recorder_ext.ping()

    # --- internals ------------------------------------------------------------------------

    def _acting_window(self, meta: Envelope) -> UUID:
        if meta.platform_id is None:
            raise WrongPlatformKindError("Service cases are recorded by a window platform.")
        return meta.platform_id

    def _get(
        self,
        stream_id: UUID,
        aggregate_type: type[A],
        not_found: type[Any],
        label: str,
        version: int | None = None,
    ) -> A:
        try:
            aggregate: LedgerAggregate = self.repository.get(stream_id, version=version)
        except AggregateNotFoundError:
            raise not_found(f"No {label} with id {stream_id}.", id=str(stream_id)) from None
        if not isinstance(aggregate, aggregate_type):
            raise not_found(f"No {label} with id {stream_id}.", id=str(stream_id))
        if version is not None and aggregate.version != version:
            raise not_found(
                f"The {label} {stream_id} has no version {version} "
                f"(its latest is {aggregate.version}).",
                id=str(stream_id),
            )
        return aggregate

    def _logged(self, n: Notification) -> LoggedEvent:
        event = cast(CanMutateAggregate[UUID], self.mapper.to_domain_event(n))
        return LoggedEvent(n.id, event, n.topic)

    def _scan(self, topics: Sequence[str] = ()) -> Iterator[Notification]:
        after = 0
        while True:
            page = self.recorder.select_notifications(
                start=after, limit=self.log_section_size, topics=topics, inclusive_of_start=False
            )
            yield from page
            if len(page) < self.log_section_size:
                return
            after = page[-1].id
