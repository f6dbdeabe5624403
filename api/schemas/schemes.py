"""Bodies of the scheme routes: publish an appraisal scheme effective from a year, or a newer
version of it."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field

from api.schemas.common import CommandBody, LongText
from ledger.application.commands.schemes import PublishScheme, ReviseScheme
from ledger.domain.schemes import Scheme, default_scheme


def _example(version: int) -> dict[str, Any]:
    document = default_scheme("window").document()
    return {**document, "id": "window-ningxia", "version": version, "title": "窗口平台年度考核办法"}


class SchemePublication(CommandBody):
    """Publish a scheme (its ``subject_kind`` says whom it appraises) effective from a year."""

    command = PublishScheme

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"effective_from": 2026, "scheme": _example(1), "note": "宁中小企〔2026〕1号"}
            ]
        }
    )

    effective_from: Annotated[
        int, Field(ge=2018, le=2100, strict=True, description="The first year it appraises")
    ]
    scheme: Scheme
    note: LongText = ""


class SchemeRevision(CommandBody):
    """A newer version of the published scheme: same kind, a higher ``version``."""

    command = ReviseScheme

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"scheme": _example(2), "note": "调整满意度指标权重"}]}
    )

    scheme: Scheme
    note: LongText = ""
