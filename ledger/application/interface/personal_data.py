"""What the hub and the recording window read of an enterprise's contact person (PIPL): the
person in clear, or that it was erased. Never stored: a read opens the sealed contact anew."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

from ledger.application.interface import ContactErasedState


class ContactPerson(TypedDict):
    """The contact person in clear (a name, and a phone or an e-mail or both), and the platform
    that recorded it."""

    state: Literal["recorded"]
    recorded_by: str
    name: str
    phone: str | None
    email: str | None


class ContactGone(TypedDict):
    """The contact person was erased while it was being read: nothing of it is left."""

    state: Literal["erased"]


ContactView = ContactPerson | ContactErasedState | ContactGone
"""What ``GET /v1/enterprises/{uscc}/contact`` answers."""
