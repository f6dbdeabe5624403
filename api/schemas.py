"""Request bodies. Unknown fields are refused; money travels as strings; times carry offsets."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal
from uuid import UUID

import orjson
from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
USCCField = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=18, max_length=18),
    Field(description="Unified Social Credit Code (GB 32100-2015), check character verified"),
]
RegionField = Annotated[
    str,
    StringConstraints(pattern=r"^\d{6}$"),
    Field(description="GB/T 2260 region code within Ningxia, e.g. 640100"),
]
CategoryField = Annotated[
    str,
    StringConstraints(pattern=r"^\d{2}(\d{4})?$"),
    Field(description="Service category code: 10-17, 99, or a six-digit item such as 100200"),
]
MoneyField = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{1,13}(\.[0-9]{1,2})?$"),
    Field(description='Exact amount in yuan as a string, at most two decimals, e.g. "300.00"'),
]
OccurredAt = Annotated[
    AwareDatetime | None,
    Field(
        description="When it happened in the world (business time), with an offset; "
        "defaults to the time of the request. Not in the future, not before the case opened."
    ),
]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)

    def canonical(self) -> bytes:
        """The body as the Idempotency-Key fingerprint sees it: the same content gives the same
        bytes, whatever the field order or spacing the client sent."""
        return orjson.dumps(self.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)


class PlatformRegistration(Body):
    """Register an existing, already-connected platform (migrating today's network in)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "kind": "window",
                    "name": "银川市中小企业公共服务窗口平台",
                    "uscc": "91640100MA7AY4CL31",
                    "region": "640100",
                }
            ]
        }
    )

    kind: Literal["hub", "window"]
    name: Text
    uscc: USCCField
    region: RegionField


class InstitutionRegistration(Body):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "uscc": "91640500MA7272HDX6",
                    "name": "宁夏中卫科技咨询服务中心",
                    "region": "640500",
                    "categories": ["14", "140300"],
                }
            ]
        }
    )

    uscc: USCCField
    name: Text
    region: RegionField
    categories: Annotated[list[CategoryField], Field(min_length=1, max_length=50)]


class EnterpriseRegistration(Body):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "uscc": "91640104MA71TJ3Y8G",
                    "name": "宁夏兴庆精密机械有限公司",
                    "region": "640104",
                    "industry": "industry",
                    "employees": 86,
                    "revenue_wan": "4200.00",
                }
            ]
        }
    )

    uscc: USCCField
    name: Text
    region: RegionField
    industry: Annotated[
        str, Field(description="Size-threshold industry: industry, retail, software_it, wholesale")
    ]
    employees: Annotated[int, Field(ge=0, le=10_000_000, strict=True)]
    revenue_wan: Annotated[
        str,
        StringConstraints(pattern=r"^[0-9]{1,13}(\.[0-9]{1,2})?$"),
        Field(description='Annual revenue in 万元 as a string, e.g. "4200.00"'),
    ]


class AssignmentBody(Body):
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


class DeliveryBody(Body):
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


class FeedbackBody(Body):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"satisfaction": 5, "comment": "响应及时，解决了问题"}]}
    )

    satisfaction: Annotated[int, Field(ge=1, le=5, strict=True)]
    comment: LongText = ""
    occurred_at: OccurredAt = None


class ClosureBody(Body):
    model_config = ConfigDict(json_schema_extra={"examples": [{"note": "服务完成"}]})

    note: LongText = ""
    occurred_at: OccurredAt = None


class CancellationBody(Body):
    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "企业撤回需求"}]})

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    occurred_at: OccurredAt = None


class CaseOpening(Body):
    """Open a case from an enterprise's demand; add assignment and delivery (and feedback) to
    record an already-delivered service in one call."""

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
                    "occurred_at": "2026-03-01T09:30:00+08:00",
                    "assignment": {"provider_kind": "expert", "provider_name": "王教授"},
                    "delivery": {
                        "delivered_on": "2026-03-01",
                        "mode": "onsite",
                        "fee_type": "free",
                    },
                    "feedback": {"satisfaction": 5, "comment": "很满意"},
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
