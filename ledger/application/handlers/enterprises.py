"""Enterprises: registered once by USCC (by a window, the hub or an admin), read by USCC."""

from __future__ import annotations

from datetime import date

from ledger.application.capability import JSON, Capability, creates
from ledger.application.commands.participants import RegisterEnterprise
from ledger.application.interface import enterprise_view
from ledger.domain.enterprise import Enterprise
from ledger.domain.envelope import Envelope
from ledger.domain.errors import EnterpriseExistsError, EnterpriseNotFoundError


class Enterprises(Capability[Enterprise]):
    aggregate = Enterprise
    resource_type = "enterprise"
    label = "enterprise"
    not_found = EnterpriseNotFoundError

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
