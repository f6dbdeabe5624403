"""Enterprises: registered once by USCC (by a window, the hub or an admin), read by USCC; their
figures updated as valid from a day (the size class at any date stays known)."""

from __future__ import annotations

from datetime import date

from ledger.application.capability import JSON, Capability, acts, creates
from ledger.application.commands.participants import RegisterEnterprise, UpdateEnterpriseFigures
from ledger.application.interface import enterprise_view
from ledger.domain.enterprise import Enterprise
from ledger.domain.envelope import Envelope
from ledger.domain.errors import EnterpriseExistsError, EnterpriseNotFoundError


class Enterprises(Capability[Enterprise]):
    aggregate = Enterprise
    resource_type = "enterprise"
    label = "enterprise"
    not_found = EnterpriseNotFoundError
    target = "enterprise_id"

    def view(self, aggregate: Enterprise, on: date) -> JSON:
        return enterprise_view(aggregate)

    @creates(RegisterEnterprise, exists=EnterpriseExistsError)
    def register(self, command: RegisterEnterprise, meta: Envelope) -> Enterprise:
        return Enterprise.register(
            uscc=command.uscc,
            name=command.name,
            region=command.region,
            industry=command.industry,
            employees=command.employees,
            revenue_wan=command.revenue_wan,
            meta=meta,
        )

    @acts(UpdateEnterpriseFigures)
    def update_figures(
        self, enterprise: Enterprise, command: UpdateEnterpriseFigures, meta: Envelope
    ) -> None:
        enterprise.update_figures(
            employees=command.employees,
            revenue_wan=command.revenue_wan,
            valid_from=command.valid_from,
            reason=command.reason,
            meta=meta,
        )
