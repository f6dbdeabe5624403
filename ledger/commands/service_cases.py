"""Service cases: opened by a window from an enterprise's demand, then stepped to closure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from uuid import UUID

from ledger import interface
from ledger.commands.enterprises import EnterpriseCommands
from ledger.commands.platforms import PlatformCommands
from ledger.domain import ids
from ledger.domain.service_case import Channel, Demand, ServiceCase
from ledger.envelope import Envelope
from ledger.errors import (
    EnterpriseNotFoundError,
    ExternalRefExistsError,
    ServiceCaseNotFoundError,
    UnknownEnterpriseError,
    WrongPlatformKindError,
)
from ledger.uow import Command, IdempotencyRequest, Outcome


class ServiceCaseCommands(PlatformCommands, EnterpriseCommands):
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
        return self.load(case_id, ServiceCase, ServiceCaseNotFoundError, "service case", version)

    def _acting_window(self, meta: Envelope) -> UUID:
        if meta.platform_id is None:
            raise WrongPlatformKindError("Service cases are recorded by a window platform.")
        return meta.platform_id
