"""What budgets and disbursements share: who reads them, and who is told they do not exist.

A hub holds its budgets and the disbursements paid from them. Network-wide principals (the
bureau, auditors, the ledger's operators) see and act on every one; a principal acting for a
platform is told another hub's budget or disbursement does not exist.
"""

from __future__ import annotations

from uuid import UUID

from ledger.application.context import Principal
from ledger.domain.access_key import Role

HUBS_ONLY = "Budgets are proposed and spent by the hub platform."


def readable_by(hub_id: UUID | None, principal: Principal) -> bool:
    """A hub reads only its own budgets and disbursements; the bureau and auditors read all."""
    return principal.role is not Role.HUB or hub_id == principal.platform_id


def hidden_from(hub_id: UUID | None, principal: Principal) -> bool:
    """Whether ``principal`` acts for a platform other than the hub ``hub_id``."""
    return principal.platform_id is not None and principal.platform_id != hub_id
