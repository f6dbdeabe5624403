"""Institutions as the remaining mixins read them (registration and the standing are the
institutions' capability, ``ledger.application.handlers.institutions``)."""

from __future__ import annotations

from uuid import UUID

from ledger.application.store import LedgerCore
from ledger.domain.errors import InstitutionNotFoundError
from ledger.domain.institution import Institution


class InstitutionCommands(LedgerCore):
    def get_institution(self, institution_id: UUID, version: int | None = None) -> Institution:
        return self.load(
            institution_id, Institution, InstitutionNotFoundError, "institution", version
        )
