"""Helpers for the agreement tests: a network with a hub, two windows and an institution, and
agreements and service cases at known Ningxia dates (all in the past, so the real clock of the
``ledger`` fixture accepts them as business time)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from ledger.application.app import LedgerApplication
from ledger.application.commands.agreements import (
    CountersignAgreement,
    ProposeAgreement,
    ProposeAmendment,
)
from ledger.application.commands.cases import Assign, Deliver, OpenCase
from ledger.application.commands.participants import RegisterInstitution
from ledger.application.commands.standing import (
    ChangeInstitutionStanding,
    ChangePlatformStanding,
    FailRecheck,
    OrderRectification,
    RequestRevocation,
    Revoke,
    StandingStep,
)
from ledger.application.writes import Outcome
from ledger.domain.agreement_terms import Amendment, Terms
from ledger.domain.envelope import Envelope
from ledger.domain.platform import PlatformKind
from ledger.domain.service_case import (
    Channel,
    Delivery,
    DeliveryMode,
    FeeType,
    ProviderKind,
)
from tests.acting import act
from tests.application.support import (
    ENTERPRISE_USCC,
    HUB_USCC,
    OTHER_WINDOW_USCC,
    WINDOW_USCC,
    envelope,
    register_enterprise,
    register_platform,
    step_case,
)

INSTITUTION_USCC = "91640100MA76M9QX4M"
OTHER_INSTITUTION_USCC = "91640100MA7AXC1E8X"
DIGEST = "c" * 64
NEW_DIGEST = "d" * 64
START = date(2025, 1, 1)
END = date(2025, 12, 31)
PROPOSED_ON = date(2025, 1, 5)
SIGNED_ON = date(2025, 1, 6)


def cst(day: date, hour: int = 10) -> datetime:
    """``hour`` o'clock in Ningxia on ``day``, as an aware UTC time."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC) - timedelta(hours=8)


def acting(party_id: UUID | None, day: date, hour: int = 10) -> Envelope:
    return envelope(party_id, cst(day, hour))


@dataclass(frozen=True)
class Net:
    hub_id: UUID
    window_id: UUID
    other_window_id: UUID
    institution_id: UUID
    other_institution_id: UUID


def register_institution(ledger: LedgerApplication, uscc: str) -> UUID:
    return act(
        ledger,
        RegisterInstitution(
            uscc=uscc, name=f"机构 {uscc[-4:]}", region="640100", categories=("14",)
        ),
        envelope(),
    ).resource_id


def set_up(ledger: LedgerApplication) -> Net:
    net = Net(
        hub_id=register_platform(ledger, HUB_USCC, PlatformKind.HUB),
        window_id=register_platform(ledger, WINDOW_USCC),
        other_window_id=register_platform(ledger, OTHER_WINDOW_USCC),
        institution_id=register_institution(ledger, INSTITUTION_USCC),
        other_institution_id=register_institution(ledger, OTHER_INSTITUTION_USCC),
    )
    register_enterprise(ledger)
    return net


def propose(
    ledger: LedgerApplication,
    by: UUID,
    to: UUID,
    *,
    ref: str = "XY-2025-001",
    categories: Sequence[str] = ("14",),
    starts_on: date = START,
    ends_on: date = END,
    on: date = PROPOSED_ON,
) -> Outcome:
    return act(
        ledger,
        ProposeAgreement(
            counterparty_id=to,
            external_ref=ref,
            title="服务合作协议",
            terms=Terms(tuple(categories), starts_on, ends_on, DIGEST),
        ),
        acting(by, on, hour=9),
    )


def agreement_in_force(
    ledger: LedgerApplication,
    by: UUID,
    to: UUID,
    *,
    ref: str = "XY-2025-001",
    categories: Sequence[str] = ("14",),
    signed_on: date = SIGNED_ON,
) -> UUID:
    """An agreement ``by`` proposed and ``to`` countersigned, for 2025 (from ``signed_on``)."""
    agreement_id = propose(ledger, by, to, ref=ref, categories=categories).resource_id
    act(
        ledger,
        CountersignAgreement(agreement_id=agreement_id, document_sha256=DIGEST),
        acting(to, signed_on),
    )
    return agreement_id


def propose_adding_category_15(
    ledger: LedgerApplication, agreement_id: UUID, by: UUID, day: date = date(2025, 6, 1)
) -> Outcome:
    """``by`` proposes that the agreement also cover category 15, under ``NEW_DIGEST``."""
    return act(
        ledger,
        ProposeAmendment(
            agreement_id=agreement_id,
            amendment=Amendment(categories=["14", "15"], document_sha256=NEW_DIGEST),
        ),
        acting(by, day),
    )


def delivery(delivered_on: date) -> Delivery:
    return Delivery(delivered_on, DeliveryMode.ONSITE, FeeType.PAID, Decimal("300.00"))


def open_assigned_case(
    ledger: LedgerApplication,
    window_id: UUID,
    institution_id: UUID,
    *,
    ref: str = "C-1",
    category: str = "140300",
    opened_on: date = date(2025, 1, 2),
) -> UUID:
    """A case opened and assigned to ``institution_id`` (assignment needs no agreement)."""
    meta = acting(window_id, opened_on, hour=9)
    assign = Assign(
        provider_kind=ProviderKind.INSTITUTION,
        provider_name=None,
        provider_id=institution_id,
        occurred_at=meta.occurred_at,
    )
    return act(
        ledger,
        OpenCase(
            external_ref=ref,
            uscc=ENTERPRISE_USCC,
            category=category,
            channel=Channel.OFFLINE,
            description="专利申请辅导",
            then=(assign,),
        ),
        meta,
    ).resource_id


def deliver(
    ledger: LedgerApplication, window_id: UUID, case_id: UUID, delivered_on: date
) -> Outcome:
    """Record the delivery (on the evening of the day it took place)."""
    meta = acting(window_id, delivered_on, hour=18)
    return step_case(ledger, case_id, Deliver(delivery=delivery(delivered_on)), meta)


def record_delivered(
    ledger: LedgerApplication,
    window_id: UUID,
    institution_id: UUID,
    delivered_on: date,
    *,
    ref: str = "C-ONE",
    category: str = "140300",
) -> Outcome:
    """The one-call path: open, assign and deliver in one save."""
    meta = acting(window_id, delivered_on, hour=18)
    assign = Assign(
        provider_kind=ProviderKind.INSTITUTION,
        provider_name=None,
        provider_id=institution_id,
        occurred_at=meta.occurred_at,
    )
    deliver_it = Deliver(delivery=delivery(delivered_on))

    return act(
        ledger,
        OpenCase(
            external_ref=ref,
            uscc=ENTERPRISE_USCC,
            category=category,
            channel=Channel.ONLINE,
            description="一次记录已完成的服务",
            then=(assign, deliver_it),
        ),
        meta,
    )


def revoke(ledger: LedgerApplication, subject: str, subject_id: UUID) -> None:
    """Take a platform or institution through rectification to revocation (Art. 13), today."""
    deadline = datetime.now(UTC).date() + timedelta(days=30)
    steps: list[StandingStep] = [
        OrderRectification(
            deadline=deadline, reasons="不合格", citation="reason:data_reports_late"
        ),
        FailRecheck(reasons="复查不合格"),
        RequestRevocation(reasons="整改无效"),
        Revoke(reasons="撤销资格"),
    ]
    change = ChangePlatformStanding if subject == "platform" else ChangeInstitutionStanding
    for step in steps:
        act(ledger, change(subject_id=subject_id, step=step), envelope())
