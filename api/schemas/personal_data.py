"""Bodies of the personal-information routes: an enterprise's contact person and its erasure."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import ConfigDict, Field, StringConstraints

from api.schemas.common import CommandBody, Text
from ledger.application.commands.participants import (
    EraseEnterpriseContact,
    RecordEnterpriseContact,
)
from ledger.domain.personal_data import ErasureGround


class ContactBody(CommandBody):
    """The enterprise's contact person (联系人): a name, and a phone or an e-mail. Sealed with the
    enterprise's own key before it is stored; never in clear in the log, its views or logs."""

    command: ClassVar = RecordEnterpriseContact
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"name": "马建国", "phone": "0951-5012345", "email": "majianguo@example.cn"}
            ]
        }
    )

    name: Text
    phone: Annotated[str | None, StringConstraints(strip_whitespace=True, max_length=24)] = None
    email: Annotated[str | None, StringConstraints(strip_whitespace=True, max_length=254)] = None


class ContactErasureBody(CommandBody):
    """Erase the contact person on a ground of PIPL Art. 47, saying why (the reason is kept in the
    log: it names no person)."""

    command: ClassVar = EraseEnterpriseContact
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "ground": "consent_withdrawn",
                    "reason": "企业来函（2026-11-30）要求删除联系人信息",
                }
            ]
        }
    )

    ground: Annotated[
        str,
        Field(description="PIPL Art. 47 ground: " + ", ".join(g.value for g in ErasureGround)),
    ]
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
