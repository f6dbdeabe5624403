"""The values a service case is made of: its statuses, channels, providers, delivery and fee.

They lived in ``ledger.domain.service_case``, which still exports them: snapshots written before
they moved name them by that module, and resolve through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from ledger.domain.errors import InvalidAmountError, InvalidFeeError, ReasonRequiredError
from ledger.domain.values import parse_amount

# Business dates are Ningxia dates (China Standard Time has no daylight saving).


class CaseStatus(StrEnum):
    OPENED = "opened"
    ASSIGNED = "assigned"
    DELIVERED = "delivered"
    FEEDBACK_RECEIVED = "feedback_received"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    VOIDED = "voided"
    """Recorded by mistake: voided by a correction, counted nowhere (the trail stays)."""


FINAL_STATUSES = frozenset({CaseStatus.CLOSED, CaseStatus.CANCELLED, CaseStatus.VOIDED})


class Channel(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"


class ProviderKind(StrEnum):
    INSTITUTION = "institution"
    EXPERT = "expert"


class DeliveryMode(StrEnum):
    ONSITE = "onsite"
    ONLINE = "online"
    PHONE = "phone"
    WRITTEN = "written"


class FeeType(StrEnum):
    FREE = "free"
    DISCOUNTED = "discounted"
    PAID = "paid"


@dataclass(frozen=True)
class Demand:
    external_ref: str
    enterprise_id: UUID
    uscc: str
    category: str
    channel: Channel
    description: str


@dataclass(frozen=True)
class Assignment:
    """Who delivers the service. An institution is named by the id of a registered
    :class:`~ledger.domain.institution.Institution` (``provider_name`` is its registered name,
    for display); an expert, for now, by name only."""

    provider_kind: ProviderKind
    provider_name: str
    provider_id: UUID | None = None


@dataclass(frozen=True)
class Delivery:
    delivered_on: date
    mode: DeliveryMode
    fee_type: FeeType
    fee_amount: Decimal


@dataclass(frozen=True)
class Feedback:
    satisfaction: int
    comment: str


def check_fee(fee_type: FeeType, amount: Decimal) -> Decimal:
    """A free (公益) service costs nothing; a discounted or paid one costs something."""
    if not amount.is_finite():
        # NaN cannot be ordered against zero (decimal raises InvalidOperation); refuse it first.
        raise InvalidAmountError(f"{amount} is not a finite amount.", value=str(amount))
    if fee_type is FeeType.FREE:
        if amount != 0:
            raise InvalidFeeError(
                f"A free service has no fee, but fee_amount is {amount}.", fee_type=fee_type.value
            )
        return parse_amount(amount, allow_zero=True)
    if amount <= 0:
        raise InvalidFeeError(
            f'A {fee_type.value} service has a fee above zero; send fee_amount such as "300.00".',
            fee_type=fee_type.value,
        )
    return parse_amount(amount)


def correction_reason(reason: str) -> str:
    """The reason a correction gives, refused when blank."""
    given = reason.strip()
    if not given:
        raise ReasonRequiredError("A correction says why: send a reason.")
    return given
