"""Enterprises: registered once by USCC, read by USCC."""

from __future__ import annotations

from decimal import Decimal

from ledger.application import interface
from ledger.application.context import IdempotencyRequest
from ledger.application.store import LedgerCore
from ledger.application.uow import Outcome, Write
from ledger.domain import ids
from ledger.domain.enterprise import Enterprise
from ledger.domain.envelope import Envelope
from ledger.domain.errors import EnterpriseExistsError, EnterpriseNotFoundError


class EnterpriseCommands(LedgerCore):
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
            Write(
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
        return self.load(
            ids.enterprise_id(uscc.strip().upper()),
            Enterprise,
            EnterpriseNotFoundError,
            "enterprise",
        )
