"""Service cases: opened by a window from an enterprise's demand, then stepped to closure.

Two rules of a case read other aggregates, so they are checked here, after the domain has
decided the steps and before anything is saved (whichever path took the steps, one call or
several): a case is assigned only to a registered institution whose qualification is not revoked,
and a case assigned to an institution is delivered only under an agreement between the case's
window and that institution, in force on the delivery date and covering the case's category.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from uuid import UUID

from ledger import interface
from ledger.commands.agreements import AgreementCommands
from ledger.commands.enterprises import EnterpriseCommands
from ledger.domain import ids
from ledger.domain.enterprise import Enterprise
from ledger.domain.institution import Institution
from ledger.domain.service_case import Assignment, Channel, Demand, ProviderKind, ServiceCase
from ledger.envelope import Envelope
from ledger.errors import (
    EnterpriseNotFoundError,
    ExternalRefExistsError,
    InstitutionNotFoundError,
    InstitutionNotIdentifiedError,
    RevokedError,
    ServiceCaseNotFoundError,
    UnknownEnterpriseError,
    UnknownInstitutionError,
    WrongPlatformKindError,
)
from ledger.uow import Command, IdempotencyRequest, Outcome

Step = Callable[[ServiceCase], None]


class ServiceCaseCommands(AgreementCommands, EnterpriseCommands):
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
            return self._opened_case(
                window_id,
                external_ref=external_ref,
                uscc=uscc,
                category=category,
                channel=channel,
                description=description,
                meta=meta,
                then=then,
                enterprise_of=self.get_enterprise,
            )

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

    def _opened_case(
        self,
        window_id: UUID,
        *,
        external_ref: str,
        uscc: str,
        category: str,
        channel: Channel,
        description: str,
        meta: Envelope,
        then: Sequence[Step],
        enterprise_of: Callable[[str], Enterprise],
    ) -> ServiceCase:
        """A new case with ``then`` applied and the network rules checked (not yet saved)."""
        try:
            enterprise = enterprise_of(uscc)
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
        self._check_network_rules(case)
        return case

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
            self._check_network_rules(case)
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

    def assignment_step(
        self,
        *,
        provider_kind: ProviderKind,
        provider_name: str | None,
        provider_id: UUID | None,
        meta: Envelope,
    ) -> Step:
        """The step that assigns a case; an institution's name is taken from its registration
        when the step is decided (the name sent, if any, is not trusted over the register)."""

        def step(case: ServiceCase) -> None:
            if provider_kind is ProviderKind.INSTITUTION and provider_id is not None:
                institution = self._assignable_institution(provider_id)
                assignment = Assignment(provider_kind, institution.name, institution.id)
            else:
                assignment = Assignment(provider_kind, provider_name or "", provider_id)
            case.assign(assignment, meta)

        return step

    def get_case(self, case_id: UUID, version: int | None = None) -> ServiceCase:
        return self.load(case_id, ServiceCase, ServiceCaseNotFoundError, "service case", version)

    def _check_network_rules(self, case: ServiceCase) -> None:
        """The rules that read other aggregates, for the steps just decided on ``case``."""
        for event in case.pending_events:
            if isinstance(event, ServiceCase.Assigned) and event.provider_id is not None:
                self._assignable_institution(event.provider_id)
            if isinstance(event, ServiceCase.Delivered):
                self._check_delivery_under_agreement(case, event.delivered_on)

    def _assignable_institution(self, institution_id: UUID) -> Institution:
        try:
            institution = self.get_institution(institution_id)
        except InstitutionNotFoundError:
            raise UnknownInstitutionError(
                f"No institution with id {institution_id} is registered; the hub registers "
                "institutions (POST /v1/institutions).",
                id=str(institution_id),
            ) from None
        if institution.is_revoked:
            raise RevokedError(
                f"Institution {institution.name} ({institution_id}) has had its qualification "
                "revoked; assign the case to another institution.",
                id=str(institution_id),
            )
        return institution

    def _check_delivery_under_agreement(self, case: ServiceCase, delivered_on: date) -> None:
        assignment = case.assignment
        if assignment is None or assignment.provider_kind is not ProviderKind.INSTITUTION:
            return
        if assignment.provider_id is None or case.window_id is None:
            # Only cases assigned before institutions were identified by id: the rule cannot be
            # checked, so the delivery is not recorded as if it had been.
            raise InstitutionNotIdentifiedError(
                f"This case was assigned to {assignment.provider_name!r} by name only, so no "
                "agreement can be checked for its delivery. Cancel it and record the service "
                "anew, assigned by the institution's id.",
            )
        self.agreement_in_force(case.window_id, assignment.provider_id, case.category, delivered_on)

    def _acting_window(self, meta: Envelope) -> UUID:
        if meta.platform_id is None:
            raise WrongPlatformKindError("Service cases are recorded by a window platform.")
        return meta.platform_id
