"""Personal information the ledger holds: an enterprise's contact person (联系人).

A contact person's name, phone and e-mail are personal information (PIPL Art. 4). They never
enter the log in clear: the application seals them with a key of the enterprise's own
(AES-GCM) before the event is made, so the event holds only the key's id, the nonce and the
ciphertext. Erasure (PIPL Art. 47) destroys the enterprise's keys in the same transaction as
the event that records it; every version of the contact then reads as erased, while the log,
its Merkle leaves and every evidence pack stay exactly as they were (they commit to the
ciphertext, which stays).

The domain sees only :class:`Contact` (checked, before sealing) and :class:`SealedContact`
(what is stored); the sealing itself is the application's (``ledger.application.personal_data``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from uuid import UUID

from ledger.domain.errors import ContactEmptyError, InvalidContactError, UnknownErasureGroundError

_PHONE = re.compile(r"^\+?[0-9][0-9 -]{4,22}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


class ErasureGround(Enum):
    """Why personal information is erased: the grounds of PIPL Art. 47 (1)–(5)."""

    PURPOSE_ACHIEVED = "purpose_achieved"
    """(1) the purpose is achieved, cannot be achieved or the data is no longer needed for it."""
    SERVICE_ENDED = "service_ended"
    """(2) the service is no longer provided, or the retention period has expired."""
    CONSENT_WITHDRAWN = "consent_withdrawn"
    """(3) the individual withdrew consent (here: the contact person or the enterprise asked)."""
    UNLAWFUL = "unlawful"
    """(4) the handling broke a law, an administrative regulation or the agreement."""
    OTHER_LEGAL = "other_legal"
    """(5) another case provided by laws or administrative regulations."""


def parse_ground(raw: str) -> ErasureGround:
    try:
        return ErasureGround(raw)
    except ValueError:
        known = ", ".join(g.value for g in ErasureGround)
        raise UnknownErasureGroundError(
            f"Unknown erasure ground {raw!r}; the grounds of PIPL Art. 47 are: {known}.",
            ground=raw,
        ) from None


@dataclass(frozen=True)
class Contact:
    """A contact person, checked: a name, and a phone or an e-mail (or both)."""

    name: str
    phone: str | None = None
    email: str | None = None

    @classmethod
    def parse(cls, name: str, phone: str | None, email: str | None) -> Contact:
        name = unicodedata.normalize("NFC", name.strip())
        phone = (phone or "").strip() or None
        email = (email or "").strip() or None
        if not name or (phone is None and email is None):
            raise ContactEmptyError(
                "A contact person has a name and at least a phone or an e-mail."
            )
        if phone is not None and not _PHONE.match(phone):
            raise InvalidContactError(
                "The phone is digits (spaces and hyphens allowed), optionally after a +, "
                "6 to 24 characters long.",
                field="phone",
            )
        if email is not None and not _EMAIL.match(email):
            raise InvalidContactError("The e-mail is not an address.", field="email")
        return cls(name, phone, email)

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "phone": self.phone, "email": self.email}


@dataclass(frozen=True)
class SealedContact:
    """A contact as stored: sealed under the enterprise's key ``key_id`` (AES-GCM, base64)."""

    key_id: UUID
    nonce: str
    ciphertext: str
