"""Bodies of the service-case routes, and the commands they ask for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import ConfigDict, Field, StringConstraints, ValidationError, model_validator

from api.schemas.common import (
    Body,
    CategoryField,
    LongText,
    MoneyField,
    OccurredAt,
    Text,
    USCCField,
)
from ledger.application.commands.cases import (
    Assign,
    Cancel,
    CaseStep,
    Close,
    Deliver,
    GiveFeedback,
    OpenCase,
    StepCase,
)
from ledger.domain.errors import InvalidRecordError, LedgerError
from ledger.domain.service_case import (
    Channel,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
)


class CaseStepBody(Body):
    """A body that asks for one step on a case."""

    def to_step(self) -> CaseStep:
        raise NotImplementedError

    def to_command(self, case_id: UUID) -> StepCase:
        step = self.to_step()
        return StepCase(case_id=case_id, step=step, occurred_at=step.occurred_at)


class AssignmentBody(CaseStepBody):
    """Who delivers the service: a registered institution, by its id (its name is taken from
    the register), or an expert, by name. Delivering a case assigned to an institution needs an
    agreement in force between the window and the institution on the delivery date."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"provider_kind": "expert", "provider_name": "王教授"}]}
    )

    provider_kind: Literal["institution", "expert"]
    provider_id: Annotated[
        UUID | None,
        Field(description="For an institution: the id of the registered institution"),
    ] = None
    provider_name: Annotated[
        Text | None,
        Field(
            description="For an expert: the expert's name (an institution's comes from the "
            "register)"
        ),
    ] = None
    occurred_at: OccurredAt = None

    @model_validator(mode="after")
    def _named_as_its_kind_is(self) -> AssignmentBody:
        if self.provider_kind == "expert" and self.provider_name is None:
            raise ValueError("an expert is named by provider_name")
        if self.provider_kind == "institution" and self.provider_name is not None:
            raise ValueError(
                "an institution's name is taken from the register: send provider_id, "
                "not provider_name"
            )
        return self

    def to_step(self) -> Assign:
        return Assign(
            provider_kind=ProviderKind(self.provider_kind),
            provider_name=self.provider_name,
            provider_id=self.provider_id,
            occurred_at=self.occurred_at,
        )


class DeliveryBody(CaseStepBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "delivered_on": "2026-03-02",
                    "mode": "onsite",
                    "fee_type": "discounted",
                    "fee_amount": "300.00",
                }
            ]
        }
    )

    delivered_on: date
    mode: Literal["onsite", "online", "phone", "written"]
    fee_type: Literal["free", "discounted", "paid"]
    fee_amount: MoneyField = "0.00"
    occurred_at: OccurredAt = None

    def delivery(self) -> Delivery:
        return Delivery(
            self.delivered_on,
            DeliveryMode(self.mode),
            FeeType(self.fee_type),
            Decimal(self.fee_amount),
        )

    def to_step(self) -> CaseStep:
        return Deliver(delivery=self.delivery(), occurred_at=self.occurred_at)


class FeedbackBody(CaseStepBody):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"satisfaction": 5, "comment": "响应及时，解决了问题"}]}
    )

    satisfaction: Annotated[int, Field(ge=1, le=5, strict=True)]
    comment: LongText = ""
    occurred_at: OccurredAt = None

    def to_step(self) -> GiveFeedback:
        feedback = Feedback(self.satisfaction, self.comment)
        return GiveFeedback(feedback=feedback, occurred_at=self.occurred_at)


class ClosureBody(CaseStepBody):
    model_config = ConfigDict(json_schema_extra={"examples": [{"note": "服务完成"}]})

    note: LongText = ""
    occurred_at: OccurredAt = None

    def to_step(self) -> Close:
        return Close(note=self.note, occurred_at=self.occurred_at)


class CancellationBody(CaseStepBody):
    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "企业撤回需求"}]})

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    occurred_at: OccurredAt = None

    def to_step(self) -> Cancel:
        return Cancel(reason=self.reason, occurred_at=self.occurred_at)


class CaseOpening(Body):
    """Open a case from an enterprise's demand; add assignment and delivery (and feedback, and
    closure) to record an already-delivered service in one call, each step with its own
    ``occurred_at`` if it happened later than the opening."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "external_ref": "YC-2026-000123",
                    "uscc": "91640104MA71TJ3Y8G",
                    "category": "100200",
                    "channel": "online",
                    "description": "咨询2026年中小企业技术改造补助政策",
                },
                {
                    "external_ref": "YC-2026-000124",
                    "uscc": "91640104MA71TJ3Y8G",
                    "category": "131000",
                    "channel": "offline",
                    "description": "员工安全生产培训",
                    "occurred_at": "2026-02-25T09:30:00+08:00",
                    "assignment": {"provider_kind": "expert", "provider_name": "王教授"},
                    "delivery": {
                        "delivered_on": "2026-02-26",
                        "mode": "onsite",
                        "fee_type": "free",
                        "occurred_at": "2026-02-26T16:00:00+08:00",
                    },
                    "feedback": {"satisfaction": 5, "comment": "很满意"},
                    "closure": {"note": "服务完成", "occurred_at": "2026-02-27T10:00:00+08:00"},
                },
            ]
        }
    )

    external_ref: Annotated[
        str,
        StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,127}$"),
        Field(description="The window's own reference; the same one never creates a second case"),
    ]
    uscc: USCCField
    category: CategoryField
    channel: Literal["online", "offline"]
    description: LongText = ""
    occurred_at: OccurredAt = None
    assignment: AssignmentBody | None = None
    delivery: DeliveryBody | None = None
    feedback: FeedbackBody | None = None
    closure: ClosureBody | None = None
    replaces: Annotated[
        UUID | None,
        Field(
            description="A voided case of this window with the same external_ref, which this "
            "one records anew (each voided case is replaced once)"
        ),
    ] = None

    def to_command(self) -> OpenCase:
        bodies = (self.assignment, self.delivery, self.feedback, self.closure)
        steps: list[CaseStep] = [body.to_step() for body in bodies if body]
        return OpenCase(
            external_ref=self.external_ref,
            uscc=self.uscc,
            category=self.category,
            channel=Channel(self.channel),
            description=self.description,
            then=tuple(steps),
            occurred_at=self.occurred_at,
            replaces=self.replaces,
        )


class CaseBatch(Body):
    """Up to 1,000 records from a window's own system, each like the body of
    ``POST /v1/service-cases`` (with its ``external_ref``). Each record is validated on its own,
    so one bad record is reported in the answer instead of refusing the batch."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "records": [
                        {
                            "external_ref": "YC-2026-000200",
                            "uscc": "91640104MA71TJ3Y8G",
                            "category": "100200",
                            "channel": "online",
                            "description": "政策咨询",
                            "assignment": {"provider_kind": "expert", "provider_name": "王教授"},
                            "delivery": {
                                "delivered_on": "2026-03-01",
                                "mode": "online",
                                "fee_type": "free",
                            },
                        }
                    ]
                }
            ]
        }
    )

    records: Annotated[list[Any], Field(min_length=1, max_length=1000)]


def records_of(items: Sequence[Any]) -> tuple[OpenCase | LedgerError, ...]:
    """Each item of a batch as the command its body asks for, or the error that says why it is
    not one (a bad item is reported in its place, never fails the others). Shared by
    ``POST /v1/service-cases:batch`` and ``sme-ledger import`` (which passes an error for a line
    it could not read)."""
    records: list[OpenCase | LedgerError] = []
    for item in items:
        if isinstance(item, LedgerError):
            records.append(item)
        elif not isinstance(item, dict):
            records.append(InvalidRecordError("A record is a JSON object; this one is not."))
        else:
            try:
                records.append(CaseOpening.model_validate(item).to_command())
            except ValidationError as e:
                records.append(InvalidRecordError(_validation_detail(e)))
    return tuple(records)


def _validation_detail(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in error.errors()
    )
