"""Bodies of key management over HTTP: issue a key, revoke one."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from pydantic import ConfigDict, Field, StringConstraints

from api.schemas.common import Body, Text

EXAMPLE_PLATFORM = "0c3d1942-a9a8-5154-9148-fdcef6eb5cb6"


class KeyIssue(Body):
    """A key for a role: a hub, window or institution key acts for one platform (or
    institution); a network-wide key (admin, bureau, auditor) for none. The secret is in the
    answer once; only its hash is recorded."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"role": "window", "platform_id": EXAMPLE_PLATFORM, "name": "银川窗口 数据对接"}
            ]
        }
    )

    role: Literal["admin", "hub", "bureau", "auditor", "window", "institution"]
    platform_id: Annotated[
        UUID | None,
        Field(description="The platform (or institution) a hub, window or institution key is for"),
    ] = None
    name: Annotated[Text, Field(description="Who holds the key, for the record")]


class KeyRevocation(Body):
    """Revoke a key: it stops working at once, for every request after this one."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "对接人员离职"}]})

    reason: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
        Field(description="Why, for the record"),
    ]
