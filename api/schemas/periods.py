"""Bodies of the period routes (关账): close a year or a month, allow entries after the close."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import ConfigDict, Field, StringConstraints

from api.schemas.common import CommandBody, LongText, Reason
from ledger.application.commands.periods import AllowPostCloseEntries, ClosePeriod


class PeriodClosing(CommandBody):
    """Close an ended year or month. Final: afterwards, what happened in it is entered only
    under an allowance from the hub, and each such entry is flagged ``post_close``."""

    command = ClosePeriod

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"period": "2025", "note": "2025年度服务数据关账"},
                {"period": "2026-10", "note": "10月数据核对完毕"},
            ]
        }
    )

    period: Annotated[
        str,
        StringConstraints(strip_whitespace=True, pattern=r"^\d{4}(-(0[1-9]|1[0-2]))?$"),
        Field(description="A year (2025) or a month (2025-11) of Ningxia business dates"),
    ]
    note: LongText = ""


class AllowanceBody(CommandBody):
    """Allow one platform to enter what happened in the closed period, until a day."""

    command = AllowPostCloseEntries

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "platform_id": "b22781f3-55e3-5a6e-960b-852ee75fbbc9",
                    "until": "2026-01-31",
                    "reason": "补录2025年12月线下服务台账（纸质登记表）",
                }
            ]
        }
    )

    platform_id: Annotated[
        UUID | None,
        Field(description="The platform allowed; null for the network-wide roles (the bureau)"),
    ]
    until: Annotated[date, Field(description="The last day (in Ningxia) the allowance runs")]
    reason: Reason
