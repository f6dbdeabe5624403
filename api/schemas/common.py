"""Request bodies. Unknown fields are refused; money travels as strings; times carry offsets."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Annotated, Any, ClassVar

import orjson
from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

from ledger.application.capability import Command

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
"""Why something was done or refused: required text, up to 2,000 characters."""
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
        "defaults to the time of the request. Not in the future beyond the clock skew, not "
        "before the network started, not before what it belongs to (a case, a connection). "
        "Recorded long after it happened, the entry is accepted and flagged late_entry."
    ),
]


# Control characters other than tab and newline, and the bidirectional controls that can make
# text read other than it is stored (Trojan Source, CVE-2021-42574).
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        if found := _REFUSED.search(value):
            msg = f"control character U+{ord(found.group()):04X} is not allowed in text"
            raise ValueError(msg)
    elif isinstance(value, list | tuple):
        for item in value:
            _plain(item)
    return value


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        """Text carries no control characters but tab and newline (and no bidi controls)."""
        return _plain(value)

    def canonical(self) -> bytes:
        """The body as the Idempotency-Key fingerprint sees it: the same content gives the same
        bytes, whatever the field order or spacing the client sent."""
        content = self.model_dump(mode="json")
        try:
            return orjson.dumps(content, option=orjson.OPT_SORT_KEYS)
        except orjson.JSONEncodeError:
            # orjson refuses integers beyond 64 bits. The fingerprint comes before the rules,
            # which refuse such a count with their own problem: it must not be a 500.
            text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            return text.encode()


class CommandBody(Body):
    """A body that asks for its :attr:`command` field for field (lists as tuples).

    The command's required fields the body lacks are the values of the route's path, in the
    order the command declares them (the application's id, then an objection's number).
    """

    command: ClassVar[type[Command[Any]]]

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        declared = {f.name: f for f in dataclasses.fields(cls.command)}
        if unknown := set(cls.model_fields) - set(declared):
            msg = f"{cls.__name__} has fields {sorted(unknown)} {cls.command.__name__} has not"
            raise TypeError(msg)
        cls._path = tuple(
            name
            for name, f in declared.items()
            if name not in cls.model_fields
            and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        )

    _path: ClassVar[tuple[str, ...]] = ()

    def to_command(self, *path_values: Any) -> Command[Any]:
        given = {name: _frozen(getattr(self, name)) for name in type(self).model_fields}
        path = dict(zip(self._path, path_values, strict=True))
        return self.command(**path, **given)


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
