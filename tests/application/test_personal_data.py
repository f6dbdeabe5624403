"""Contact persons: sealed before they are stored, bound to their enterprise, and erased by
destroying their key in the erasure's own commit, after which the whole log still verifies."""

from __future__ import annotations

import base64
import uuid
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError

from ledger.application.app import LedgerApplication
from ledger.application.commands.participants import (
    EraseEnterpriseContact,
    RecordEnterpriseContact,
    RegisterEnterprise,
)
from ledger.application.context import IdempotencyRequest
from ledger.application.personal_data import (
    PersonalDataVault,
    PersonalKey,
    SealedContactDamagedError,
)
from ledger.domain import ids
from ledger.domain.enterprise import Enterprise
from ledger.domain.errors import NoContactToEraseError
from ledger.domain.personal_data import Contact, ErasureGround, SealedContact
from tests._audit import export, meta, seal, verify
from tests.acting import act

USCC = "91640104MA71TJ3Y8G"
PHONE = "13995112233"
MA = RecordEnterpriseContact(
    enterprise_id=ids.enterprise_id(USCC), name="马建国", phone=PHONE, email="ma@example.cn"
)
ERASE = EraseEnterpriseContact(
    enterprise_id=ids.enterprise_id(USCC), ground="consent_withdrawn", reason="企业来函"
)


class DictKeys:
    """The keys table as a dict, for the vault on its own."""

    def __init__(self) -> None:
        self.keys: dict[UUID, PersonalKey] = {}

    def personal_data_key(self, subject_id: UUID, candidate: tuple[UUID, bytes]) -> PersonalKey:
        return self.keys.setdefault(subject_id, PersonalKey(*candidate))

    def personal_data_key_by_id(self, key_id: UUID) -> bytes | None:
        return next((k.key for k in self.keys.values() if k.key_id == key_id), None)


def register(ledger: LedgerApplication) -> None:
    act(
        ledger,
        RegisterEnterprise(
            uscc=USCC, name="宁夏兴庆精密机械有限公司", region="640104", industry="industry",
            employees=86, revenue_wan=Decimal("4200"),
        ),
        meta(),
    )  # fmt: skip


def sql(ledger: LedgerApplication, statement: str, *args: Any) -> list[Any]:
    datastore: Any = ledger.recorder.datastore  # type: ignore[attr-defined]
    with datastore.transaction(commit=True) as c:
        c.execute(statement, args)
        return list(c.fetchall())


def test_a_sealed_contact_opens_only_for_its_own_enterprise_and_unaltered() -> None:
    vault = PersonalDataVault(DictKeys())
    ours, theirs = uuid.uuid4(), uuid.uuid4()
    contact = Contact.parse("马建国", PHONE, None)
    sealed = vault.seal(ours, contact)

    assert vault.open(ours, sealed) == contact
    assert PHONE not in sealed.ciphertext
    vault.seal(theirs, contact)
    with pytest.raises(SealedContactDamagedError):
        vault.open(theirs, sealed)  # copied into another stream: the associated data differs
    flipped = bytearray(base64.b64decode(sealed.ciphertext))
    flipped[0] ^= 1
    damaged = replace(sealed, ciphertext=base64.b64encode(flipped).decode())
    with pytest.raises(SealedContactDamagedError):
        vault.open(ours, damaged)
    assert vault.seal(ours, contact).nonce != sealed.nonce  # a fresh nonce every time


def test_no_personal_data_reaches_the_database_file_in_clear(
    ledger: LedgerApplication, sqlite_url: str
) -> None:
    register(ledger)
    act(ledger, MA, meta())
    ledger.close()

    path = Path(sqlite_url.removeprefix("sqlite:///"))
    stored = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    for secret in ("马建国", PHONE, "ma@example.cn"):
        assert secret.encode() not in stored, secret


def test_erasure_destroys_the_key_in_its_commit_and_the_log_still_verifies(
    ledger: LedgerApplication, tmp_path: Path
) -> None:
    register(ledger)
    act(ledger, MA, meta())
    act(ledger, replace(MA, phone="0951-5012345"), meta())
    seal(ledger, every=1)
    recorded = [n.state for n in ledger.scan() if n.topic.endswith("ContactRecorded")]

    act(ledger, ERASE, meta())

    subject = ids.enterprise_id(USCC)
    assert sql(ledger, "SELECT * FROM ledger_personal_keys WHERE subject_id = ?", subject.hex) == []
    assert [n.state for n in ledger.scan() if n.topic.endswith("ContactRecorded")] == recorded
    capability: Any = ledger.capability(Enterprise)
    for version in (2, 3):
        old = ledger.get(Enterprise, subject, version)
        assert old.contact is not None
        assert capability.vault.open(subject, SealedContact(*old.contact)) is None
    cp = seal(ledger, every=1)
    export(ledger, tmp_path / "pack.zip")
    result = verify(tmp_path / "pack.zip", trusted=cp)
    assert result.ok, result.failure
    with pytest.raises(NoContactToEraseError):
        act(ledger, ERASE, meta())


def test_an_erasure_that_does_not_commit_destroys_nothing(ledger: LedgerApplication) -> None:
    register(ledger)
    act(ledger, MA, meta())
    subject = ids.enterprise_id(USCC)
    stale = ledger.get(Enterprise, subject)
    act(ledger, replace(MA, phone="0951-5012345"), meta())  # another write gets there first

    stale.erase_contact(ground=ErasureGround.CONSENT_WITHDRAWN, reason="x", meta=meta())
    with pytest.raises(IntegrityError):
        ledger.save(stale)

    assert len(sql(ledger, "SELECT * FROM ledger_personal_keys WHERE subject_id = ?", subject.hex))
    capability: Any = ledger.capability(Enterprise)
    current = ledger.get(Enterprise, subject)
    assert current.contact is not None
    assert capability.vault.open(subject, SealedContact(*current.contact)).phone == "0951-5012345"


def test_erasure_forgets_the_enterprise_s_idempotency_records_but_keeps_its_own(
    ledger: LedgerApplication,
) -> None:
    register(ledger)
    first = IdempotencyRequest("key:test", "contact-1", "f" * 64)
    act(ledger, MA, meta(), idempotency=first)
    subject = ids.enterprise_id(USCC).hex
    assert sql(ledger, "SELECT key FROM ledger_idempotency WHERE resource_id = ?", subject)

    act(ledger, ERASE, meta(), idempotency=IdempotencyRequest("key:test", "erase-1", "e" * 64))

    kept = sql(ledger, "SELECT key FROM ledger_idempotency WHERE resource_id = ?", subject)
    assert [row[0] for row in kept] == ["erase-1"]
