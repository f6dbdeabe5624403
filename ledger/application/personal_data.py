"""Sealing personal information with a key per subject, so that erasing it is destroying a key.

A contact person is sealed with AES-256-GCM (``cryptography``) under the live key of its
enterprise before its event is made; the event holds the key's id, the nonce and the
ciphertext, and the associated data binds the ciphertext to the enterprise and the key (a
sealed contact copied into another enterprise's stream does not open). Keys live in their own
table (``ledger_personal_keys``), never in the log, its views or evidence packs. The recorder
deletes a subject's keys in the transaction that appends the event erasing its personal
information (``erasure_topics``), so every version sealed under them reads as erased from then
on, and the log itself, with its Merkle leaves, is untouched.
"""

from __future__ import annotations

import base64
import os
import uuid
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from eventsourcing.utils import get_topic

from ledger.domain.enterprise import Enterprise
from ledger.domain.personal_data import Contact, SealedContact

ERASURE_TOPICS = (get_topic(Enterprise.ContactErased),)
"""Events whose commit destroys their stream's keys."""

_NONCE_BYTES = 12


@dataclass(frozen=True)
class PersonalKey:
    key_id: UUID
    key: bytes


class KeyStore(Protocol):
    """The keys table, as the recorders keep it (in the event store's own database)."""

    def personal_data_key(self, subject_id: UUID, candidate: tuple[UUID, bytes]) -> PersonalKey:
        """The subject's live key: ``candidate`` (id, key) stored if it has none yet."""
        ...

    def personal_data_key_by_id(self, key_id: UUID) -> bytes | None:
        """The key ``key_id``, or ``None`` once destroyed."""
        ...


class SealedContactDamagedError(Exception):
    """A sealed contact whose key exists does not open: the stored bytes were altered (the audit
    verification of the log finds where)."""


class PersonalDataVault:
    """Seals and opens contact persons with their enterprise's key."""

    def __init__(self, keys: KeyStore) -> None:
        self.keys = keys

    def seal(self, subject_id: UUID, contact: Contact) -> SealedContact:
        live = self.keys.personal_data_key(
            subject_id, (uuid.uuid4(), AESGCM.generate_key(bit_length=256))
        )
        nonce = os.urandom(_NONCE_BYTES)
        plain = orjson.dumps(contact.as_dict())
        sealed = AESGCM(live.key).encrypt(nonce, plain, _bound_to(subject_id, live.key_id))
        return SealedContact(live.key_id, _b64(nonce), _b64(sealed))

    def open(self, subject_id: UUID, sealed: SealedContact) -> Contact | None:
        """The contact, or ``None`` if its key was destroyed (it was erased)."""
        key = self.keys.personal_data_key_by_id(sealed.key_id)
        if key is None:
            return None
        try:
            plain = AESGCM(key).decrypt(
                base64.b64decode(sealed.nonce),
                base64.b64decode(sealed.ciphertext),
                _bound_to(subject_id, sealed.key_id),
            )
        except (InvalidTag, ValueError) as e:
            msg = f"The sealed contact of {subject_id} does not open under its key."
            raise SealedContactDamagedError(msg) from e
        fields = orjson.loads(plain)
        return Contact(fields["name"], fields.get("phone"), fields.get("email"))


def _bound_to(subject_id: UUID, key_id: UUID) -> bytes:
    return b"sme-ledger contact\n" + subject_id.bytes + key_id.bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
