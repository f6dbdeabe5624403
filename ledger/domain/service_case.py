"""Service cases (服务记录): an enterprise's demand handled by a window, opened to closed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from ledger.domain.base import LedgerAggregate
from ledger.domain.case_replacement import new_case_id
from ledger.domain.case_values import (
    FINAL_STATUSES,
    Assignment,
    CaseStatus,
    Channel,
    Delivery,
    DeliveryMode,
    Demand,
    Feedback,
    FeeType,
    ProviderKind,
    check_fee,
    correction_reason,
)
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    CaseFinalisedError,
    DeliveryDateError,
    FeedbackAlreadyRecordedError,
    FeedbackBeforeDeliveryError,
    InstitutionNotIdentifiedError,
    InvalidSatisfactionError,
    NotCaseOwnerError,
    NothingToAmendError,
    OccurredBeforeOpeningError,
    ProviderIdNotAllowedError,
    StepOutOfOrderError,
)
from ledger.domain.time import CST
from ledger.domain.values import parse_category

__all__ = [
    "FINAL_STATUSES",
    "Assignment",
    "CaseStatus",
    "Channel",
    "Delivery",
    "DeliveryMode",
    "Demand",
    "FeeType",
    "Feedback",
    "ProviderKind",
    "ServiceCase",
    "check_fee",
]


class ServiceCase(LedgerAggregate):
    """One enterprise demand handled by one window.

    Steps happen in order: opened → assigned → delivered → (feedback) → closed, or cancelled
    before delivery. Feedback is optional before closure, because an enterprise may never answer;
    once closed or cancelled, a case accepts nothing more.
    """

    class Opened(LedgerAggregate.Created):
        window_id: UUID
        external_ref: str
        enterprise_id: UUID
        uscc: str
        category: str
        channel: str
        description: str

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.window_id = self.window_id
            aggregate.external_ref = self.external_ref
            aggregate.enterprise_id = self.enterprise_id
            aggregate.uscc = self.uscc
            aggregate.category = self.category
            aggregate.channel = Channel(self.channel)
            aggregate.description = self.description
            aggregate.opened_at = self.meta.occurred_at
            aggregate.status = CaseStatus.OPENED

    class Assigned(LedgerAggregate.Event):
        # Version 2 added provider_id: version 1 named every provider by free text only.
        class_version = 2

        provider_kind: str
        provider_name: str
        provider_id: UUID | None = None

        @staticmethod
        def upcast_v1_v2(state: dict[str, object]) -> None:
            state["provider_id"] = None

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.assignment = Assignment(
                ProviderKind(self.provider_kind), self.provider_name, self.provider_id
            )
            aggregate.status = CaseStatus.ASSIGNED

    class Delivered(LedgerAggregate.Event):
        delivered_on: date
        mode: str
        fee_type: str
        fee_amount: Decimal

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.delivery = Delivery(
                self.delivered_on, DeliveryMode(self.mode), FeeType(self.fee_type), self.fee_amount
            )
            aggregate.status = CaseStatus.DELIVERED
            aggregate.delivery_version = self.originator_version

    class FeedbackReceived(LedgerAggregate.Event):
        satisfaction: int
        comment: str

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.feedback = Feedback(self.satisfaction, self.comment)
            aggregate.status = CaseStatus.FEEDBACK_RECEIVED

    class LateFeedbackReceived(LedgerAggregate.Event):
        """The enterprise's rating, recorded after the case was closed (it stays closed)."""

        satisfaction: int
        comment: str

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.feedback = Feedback(self.satisfaction, self.comment)

    class Closed(LedgerAggregate.Event):
        note: str

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.closure_note = self.note
            aggregate.status = CaseStatus.CLOSED

    class DeliveryAmended(LedgerAggregate.Event):
        """A correction (红字冲销 style): the delivery recorded at version ``corrects`` is
        replaced by this one, for ``reason``. Nothing recorded is edited."""

        delivered_on: date
        mode: str
        fee_type: str
        fee_amount: Decimal
        reason: str
        corrects: int

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.delivery = Delivery(
                self.delivered_on, DeliveryMode(self.mode), FeeType(self.fee_type), self.fee_amount
            )
            aggregate.delivery_version = self.originator_version

    class Voided(LedgerAggregate.Event):
        """A correction: the case was recorded by mistake and counts nowhere from now on."""

        reason: str

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.status = CaseStatus.VOIDED
            aggregate.void_reason = self.reason

    class ReplacedBy(LedgerAggregate.Event):  # on the voided case: its external_ref reused
        case_id: UUID

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.replaced_by = self.case_id

    class Replaces(LedgerAggregate.Event):  # on the new case: the voided one it records anew
        case_id: UUID

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.replaces = self.case_id

    class Cancelled(LedgerAggregate.Event):
        reason: str

        def apply(self, aggregate: ServiceCase) -> None:
            aggregate.cancellation_reason = self.reason
            aggregate.status = CaseStatus.CANCELLED

    delivery_version: int | None = None
    """The version of the event whose delivery stands (absent from older snapshots' state)."""
    # Absent from older snapshots' state: the class gives their value.
    void_reason: str | None = None
    replaces: UUID | None = None  # see case_replacement
    replaced_by: UUID | None = None

    def __init__(self) -> None:
        self.window_id: UUID | None = None
        self.external_ref = ""
        self.enterprise_id: UUID | None = None
        self.uscc = ""
        self.category = ""
        self.channel = Channel.OFFLINE
        self.description = ""
        self.opened_at: datetime | None = None
        self.status = CaseStatus.OPENED
        self.assignment: Assignment | None = None
        self.delivery: Delivery | None = None
        self.feedback: Feedback | None = None
        self.closure_note: str | None = None
        self.cancellation_reason: str | None = None
        self.void_reason: str | None = None

    # --- commands -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        *,
        window_id: UUID,
        demand: Demand,
        meta: Envelope,
        replacing: ServiceCase | None = None,
    ) -> ServiceCase:
        """A new case; ``replacing``: the voided case it records anew (case_replacement)."""
        if meta.platform_id != window_id:
            raise NotCaseOwnerError("A window opens cases only for itself.")
        case = cls._create(
            cls.Opened,
            id=new_case_id(window_id, demand.external_ref, replacing),
            window_id=window_id,
            external_ref=demand.external_ref,
            enterprise_id=demand.enterprise_id,
            uscc=demand.uscc,
            category=parse_category(demand.category),
            channel=demand.channel.value,
            description=demand.description,
            meta=meta,
        )
        if replacing is not None:  # each names the other, saved together
            case.trigger_event(cls.Replaces, case_id=replacing.id, meta=meta)
            replacing.trigger_event(cls.ReplacedBy, case_id=case.id, meta=meta)
        return case

    def assign(self, assignment: Assignment, meta: Envelope) -> None:
        self._check_can_act(meta)
        if self.status is not CaseStatus.OPENED:
            raise StepOutOfOrderError(
                f"Only an opened case can be assigned; this case is {self.status}.",
                status=self.status.value,
            )
        if assignment.provider_kind is ProviderKind.INSTITUTION and assignment.provider_id is None:
            raise InstitutionNotIdentifiedError(
                "A case is assigned to an institution by the id of a registered institution "
                "(provider_id); register the institution first if it is new."
            )
        if assignment.provider_kind is ProviderKind.EXPERT and assignment.provider_id is not None:
            raise ProviderIdNotAllowedError(
                "An expert is named by provider_name only; leave provider_id out."
            )
        self.trigger_event(
            self.Assigned,
            provider_kind=assignment.provider_kind.value,
            provider_name=assignment.provider_name,
            provider_id=assignment.provider_id,
            meta=meta,
        )

    def deliver(self, delivery: Delivery, meta: Envelope) -> None:
        self._check_can_act(meta)
        if self.status is not CaseStatus.ASSIGNED:
            raise StepOutOfOrderError(
                f"A case is delivered after it is assigned; this case is {self.status}.",
                status=self.status.value,
            )
        fee_amount = self._check_delivery(delivery, meta)
        self.trigger_event(
            self.Delivered,
            delivered_on=delivery.delivered_on,
            mode=delivery.mode.value,
            fee_type=delivery.fee_type.value,
            fee_amount=fee_amount,
            meta=meta,
        )

    def record_feedback(self, feedback: Feedback, meta: Envelope) -> None:
        """The enterprise's rating of a delivered case, once; a closed case takes it late (it
        stays closed: a follow-up call, 回访, often comes after the file is closed)."""
        closed = self.status is CaseStatus.CLOSED
        check = self._check_correctable if closed else self._check_can_act
        check(meta)
        if self.feedback is not None:
            raise FeedbackAlreadyRecordedError("This case already has the enterprise's feedback.")
        if self.status is not CaseStatus.DELIVERED and not closed:
            raise FeedbackBeforeDeliveryError(
                f"Feedback is recorded after delivery; this case is {self.status}.",
                status=self.status.value,
            )
        if not 1 <= feedback.satisfaction <= 5:
            raise InvalidSatisfactionError(
                f"Satisfaction is rated from 1 to 5; got {feedback.satisfaction}.",
                satisfaction=feedback.satisfaction,
            )
        self.trigger_event(
            self.LateFeedbackReceived if closed else self.FeedbackReceived,
            satisfaction=feedback.satisfaction,
            comment=feedback.comment,
            meta=meta,
        )

    def close(self, note: str, meta: Envelope) -> None:
        self._check_can_act(meta)
        if self.status not in (CaseStatus.DELIVERED, CaseStatus.FEEDBACK_RECEIVED):
            raise StepOutOfOrderError(
                f"A case is closed after delivery; this case is {self.status}.",
                status=self.status.value,
            )
        self.trigger_event(self.Closed, note=note, meta=meta)

    # --- corrections ----------------------------------------------------------------------

    def amend_delivery(self, delivery: Delivery, reason: str, meta: Envelope) -> None:
        """Correct the recorded delivery (date, mode, fee), also after closure, with a reason."""
        self._check_correctable(meta)
        current = self.delivery
        if current is None or self.delivery_version is None:
            raise StepOutOfOrderError(
                f"Only a delivered case has a delivery to amend; this case is {self.status}.",
                status=self.status.value,
            )
        fee_amount = self._check_delivery(delivery, meta)
        if replace(delivery, fee_amount=fee_amount) == current:
            raise NothingToAmendError("The amendment repeats the delivery as it is recorded.")
        self.trigger_event(
            self.DeliveryAmended,
            delivered_on=delivery.delivered_on,
            mode=delivery.mode.value,
            fee_type=delivery.fee_type.value,
            fee_amount=fee_amount,
            reason=correction_reason(reason),
            corrects=self.delivery_version,
            meta=meta,
        )

    def void(self, reason: str, meta: Envelope) -> None:
        """Void a case recorded by mistake, whatever its status: it stays in the log and in the
        case's history, and counts in no statistic or appraisal."""
        self._check_correctable(meta)
        self.trigger_event(self.Voided, reason=correction_reason(reason), meta=meta)

    def _check_correctable(self, meta: Envelope) -> None:
        if meta.platform_id != self.window_id:
            raise NotCaseOwnerError("Only the window that recorded a case corrects it.")
        if self.status is CaseStatus.VOIDED:
            raise CaseFinalisedError(
                "This case is voided and accepts nothing more.", status="voided"
            )
        self._check_not_before_opening(meta)

    def cancel(self, reason: str, meta: Envelope) -> None:
        self._check_can_act(meta)
        if self.status not in (CaseStatus.OPENED, CaseStatus.ASSIGNED):
            raise StepOutOfOrderError(
                f"Only a case not yet delivered can be cancelled; this case is {self.status}.",
                status=self.status.value,
            )
        self.trigger_event(self.Cancelled, reason=reason, meta=meta)

    # --- rules shared by the commands -----------------------------------------------------

    def _check_can_act(self, meta: Envelope) -> None:
        if meta.platform_id != self.window_id:
            raise NotCaseOwnerError("Only the window that opened a case may act on it.")
        if self.status in FINAL_STATUSES:
            raise CaseFinalisedError(
                f"This case is {self.status} and accepts nothing more.", status=self.status.value
            )
        self._check_not_before_opening(meta)

    def _check_not_before_opening(self, meta: Envelope) -> None:
        if self.opened_at is not None and meta.occurred_at < self.opened_at:
            raise OccurredBeforeOpeningError(
                f"occurred_at {meta.occurred_at.isoformat()} is before the case was opened "
                f"({self.opened_at.isoformat()}).",
                opened_at=self.opened_at.isoformat(),
            )

    def _check_delivery(self, delivery: Delivery, meta: Envelope) -> Decimal:
        opened_at = self.opened_at or meta.occurred_at
        opened_on = opened_at.astimezone(CST).date()
        recorded_on = meta.occurred_at.astimezone(CST).date()
        if delivery.delivered_on < opened_on:
            raise DeliveryDateError(
                f"delivered_on {delivery.delivered_on} is before the case was opened "
                f"({opened_on}).",
                opened_on=opened_on.isoformat(),
            )
        if delivery.delivered_on > recorded_on:
            raise DeliveryDateError(
                f"delivered_on {delivery.delivered_on} is after the delivery is recorded as "
                f"having happened ({recorded_on}); a delivery is recorded once it took place.",
            )
        return check_fee(delivery.fee_type, delivery.fee_amount)
