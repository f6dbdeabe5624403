"""Reading Server-Sent Events as a client does (the WHATWG rules the change feed relies on)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Message:
    """One block of the stream, up to its blank line."""

    id: str | None = None
    event: str | None = None
    data: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    retry: int | None = None

    @property
    def dispatched(self) -> bool:
        """Whether a client dispatches it as an event (it has data)."""
        return bool(self.data)

    def json(self) -> Any:
        return json.loads("\n".join(self.data))


def parse(text: str) -> list[Message]:
    """Every complete block of ``text`` (a block not yet ended by a blank line is left out)."""
    messages, current = [], Message()
    lines = text.split("\n")
    for line in lines[:-1]:  # what follows the last newline is not a whole line yet
        if line == "":
            messages.append(current)
            current = Message()
            continue
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "":
            current.comments.append(value)
        elif name == "id":
            current.id = value
        elif name == "event":
            current.event = value
        elif name == "data":
            current.data.append(value)
        elif name == "retry":
            current.retry = int(value)
    return messages


def events(messages: list[Message]) -> list[Message]:
    """The messages a client dispatches as events."""
    return [m for m in messages if m.dispatched]


def last_event_id(messages: list[Message]) -> str | None:
    """What an ``EventSource`` sends as ``Last-Event-ID`` after reading ``messages``: the last
    ``id`` seen, with or without data."""
    ids = [m.id for m in messages if m.id is not None]
    return ids[-1] if ids else None
