"""Enterprises: registered once by USCC (by a window, the hub or an admin), read by USCC; their
figures updated as valid from a day (the size class at any date stays known); their contact
person recorded sealed, read by the hub and the window that recorded it, and erased on a ground
of PIPL Art. 47 (by destroying its key)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.participants import (
    EraseEnterpriseContact,
    RecordEnterpriseContact,
    RegisterEnterprise,
    UpdateEnterpriseFigures,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.interface import enterprise_view, erasure_state
from ledger.application.interface.personal_data import ContactView
from ledger.application.personal_data import PersonalDataVault
from ledger.domain.access_key import Role
from ledger.domain.enterprise import Enterprise
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ContactNotFoundError,
    ContactRestrictedError,
    EnterpriseExistsError,
    EnterpriseNotFoundError,
)
from ledger.domain.personal_data import Contact, SealedContact, parse_ground

PERSONAL_DATA_COMMANDS = (RecordEnterpriseContact, EraseEnterpriseContact)


class Enterprises(Capability[Enterprise]):
    aggregate = Enterprise
    resource_type = "enterprise"
    label = "enterprise"
    not_found = EnterpriseNotFoundError
    target = "enterprise_id"

    def __init__(self, vault: PersonalDataVault) -> None:
        self.vault = vault

    def view(self, aggregate: Enterprise, on: date) -> View:
        return enterprise_view(aggregate)

    def guard(self, aggregate: Enterprise, command: Any, context: RequestContext) -> None:
        super().guard(aggregate, command, context)
        if isinstance(command, PERSONAL_DATA_COMMANDS):
            self.check_contact_access(aggregate, context.principal)

    @staticmethod
    def check_contact_access(enterprise: Enterprise, principal: Principal) -> None:
        """The hub (the network's handler of personal information) and the window that recorded
        the contact may read, replace and erase it; another window may record one only where
        none is recorded."""
        if principal.role is not Role.WINDOW or enterprise.contact is None:
            return
        if enterprise.contact_platform_id != principal.platform_id:
            raise ContactRestrictedError(
                "This enterprise's contact person was recorded by another window: only that "
                "window and the hub may read, replace or erase it.",
                uscc=enterprise.uscc,
            )

    def contact(self, enterprise: Enterprise, principal: Principal) -> ContactView:
        """The contact person in clear, for ``principal`` (a read, never stored)."""
        if enterprise.contact is None:
            if enterprise.contact_erasure is None:
                raise ContactNotFoundError(
                    f"No contact person is recorded for enterprise {enterprise.uscc}.",
                    uscc=enterprise.uscc,
                )
            # Erased: nothing is left to restrict (check_contact_access guards a recorded one).
            return erasure_state(enterprise.contact_erasure)
        self.check_contact_access(enterprise, principal)
        opened = self.vault.open(enterprise.id, SealedContact(*enterprise.contact))
        if opened is None:  # its key destroyed by an erasure committed after this read began
            return {"state": "erased"}
        return {
            "state": "recorded",
            "recorded_by": str(enterprise.contact_platform_id),
            "name": opened.name,
            "phone": opened.phone,
            "email": opened.email,
        }

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

    @acts(RecordEnterpriseContact)
    def record_contact(
        self, enterprise: Enterprise, command: RecordEnterpriseContact, meta: Envelope
    ) -> None:
        contact = Contact.parse(command.name, command.phone, command.email)
        if enterprise.contact is not None and (
            self.vault.open(enterprise.id, SealedContact(*enterprise.contact)) == contact
            and enterprise.contact_platform_id == meta.platform_id
        ):
            return  # the contact as it stands: a retry records nothing
        enterprise.record_contact(self.vault.seal(enterprise.id, contact), meta)

    @acts(EraseEnterpriseContact)
    def erase_contact(
        self, enterprise: Enterprise, command: EraseEnterpriseContact, meta: Envelope
    ) -> None:
        enterprise.erase_contact(
            ground=parse_ground(command.ground), reason=command.reason, meta=meta
        )
