"""Bodies of the registration routes (platforms, institutions, enterprises), and the commands
they ask for."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal
from uuid import UUID

from pydantic import ConfigDict, Field, StringConstraints

from api.schemas.common import (
    Body,
    CategoryField,
    CommandBody,
    OccurredAt,
    RegionField,
    Text,
    USCCField,
)
from ledger.application.commands.participants import (
    RegisterConnectedPlatform,
    RegisterEnterprise,
    RegisterInstitution,
    UpdateEnterpriseFigures,
)
from ledger.domain.platform import PlatformKind


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
                    "occurred_at": "2019-05-06T09:00:00+08:00",
                }
            ]
        }
    )

    kind: Literal["hub", "window"]
    name: Text
    uscc: USCCField
    region: RegionField
    occurred_at: Annotated[
        OccurredAt,
        Field(
            description="When the platform entered the network, if not now: migrating a "
            "window in, its real connection date, so its history can be recorded after it"
        ),
    ] = None

    def to_command(self) -> RegisterConnectedPlatform:
        return RegisterConnectedPlatform(
            kind=PlatformKind(self.kind),
            name=self.name,
            uscc=self.uscc,
            region=self.region,
            occurred_at=self.occurred_at,
        )


class InstitutionRegistration(CommandBody):
    command = RegisterInstitution

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
        str,
        Field(
            description="The size-threshold industry (工信部联企业〔2011〕300号): agriculture, "
            "industry, wholesale, retail, transport, warehousing, postal, accommodation, "
            "catering, telecom, software_it, property_management, or other"
        ),
    ]
    employees: Annotated[int, Field(ge=0, le=10_000_000, strict=True)]
    revenue_wan: Annotated[
        str,
        StringConstraints(pattern=r"^[0-9]{1,13}(\.[0-9]{1,2})?$"),
        Field(description='Annual revenue in 万元 as a string, e.g. "4200.00"'),
    ]

    def to_command(self) -> RegisterEnterprise:
        return RegisterEnterprise(
            uscc=self.uscc,
            name=self.name,
            region=self.region,
            industry=self.industry,
            employees=self.employees,
            revenue_wan=Decimal(self.revenue_wan),
        )


class EnterpriseFiguresUpdate(Body):
    """The enterprise's employees and revenue as they are from ``valid_from`` on (its size class
    follows); the registration stays as recorded."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "employees": 320,
                    "revenue_wan": "52000.00",
                    "valid_from": "2026-01-01",
                    "reason": "2025年度统计年报：从业人员与营业收入更新",
                }
            ]
        }
    )

    employees: Annotated[int, Field(ge=0, le=10_000_000, strict=True)]
    revenue_wan: Annotated[
        str,
        StringConstraints(pattern=r"^[0-9]{1,13}(\.[0-9]{1,2})?$"),
        Field(description='Annual revenue in 万元 as a string, e.g. "4200.00"'),
    ]
    valid_from: Annotated[date, Field(description="The first day (in Ningxia) the figures hold")]
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
    occurred_at: OccurredAt = None

    def to_command(self, enterprise_id: UUID) -> UpdateEnterpriseFigures:
        return UpdateEnterpriseFigures(
            enterprise_id=enterprise_id,
            employees=self.employees,
            revenue_wan=Decimal(self.revenue_wan),
            valid_from=self.valid_from,
            reason=self.reason,
            occurred_at=self.occurred_at,
        )
