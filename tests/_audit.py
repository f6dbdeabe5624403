"""Helpers for the audit tests of every folder: a sealed ledger, packs, tampering."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

import orjson

from evidence.checkpoint import Checkpoint
from evidence.verify import VerificationReport, verify_pack
from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import IssueKey
from ledger.audit.keys import SigningKey
from ledger.audit.pack import ExportReport, export_pack
from ledger.audit.proofs import AuditProofs
from ledger.audit.records import AuditStore
from ledger.audit.sealer import Sealer, SealPolicy
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.persistence.audit_store import audit_store_for
from tests.acting import act

KEY = SigningKey.generate()
OTHER_KEY = SigningKey.generate()


def meta(at: datetime | None = None) -> Envelope:
    return Envelope(
        actor="test:audit",
        platform_id=None,
        correlation_id="audit-test",
        causation_id="audit-test",
        occurred_at=at or datetime.now(UTC),
    )


def append_events(ledger: LedgerApplication, count: int) -> list[UUID]:
    """``count`` new streams of one event each (auditor keys): the cheapest events to make."""
    return [
        act(
            ledger,
            IssueKey(role=Role.AUDITOR, platform_id=None, name=f"audit-{i}"),
            meta(ledger.clock()),
        ).outcome.resource_id
        for i in range(count)
    ]


def store_of(ledger: LedgerApplication) -> AuditStore:
    return audit_store_for(ledger.recorder)


def sealer_for(
    ledger: LedgerApplication, *, every: int = 1000, key: SigningKey = KEY, batch: int = 1000
) -> Sealer:
    return Sealer(
        ledger.recorder, store_of(ledger), key, SealPolicy(every_events=every, batch=batch)
    )


def seal(ledger: LedgerApplication, *, every: int = 1000, key: SigningKey = KEY) -> Checkpoint:
    """Seal the whole log now and return the checkpoint at its head."""
    sealer = sealer_for(ledger, every=every, key=key)
    sealer.seal(force_checkpoint=True)
    cp = sealer.last_checkpoint
    assert cp is not None
    return cp


def proofs_of(ledger: LedgerApplication) -> AuditProofs:
    return AuditProofs(store_of(ledger))


def export(
    ledger: LedgerApplication, out: Path, *, until: int | None = None, stream: UUID | None = None
) -> ExportReport:
    return export_pack(ledger.log_source, store_of(ledger), out, until=until, stream=stream)


def verify(
    pack: Path, *, key: SigningKey | None = KEY, trusted: Checkpoint | None = None
) -> VerificationReport:
    return verify_pack(pack, [key.public] if key else None, trusted)


def rewrite_pack(src: Path, dst: Path, changes: dict[str, bytes | None]) -> None:
    """Copy a pack with some parts replaced (``None``: left out), the manifest made to agree,
    as whoever makes a pack could."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        manifest = orjson.loads(zin.read("manifest.json"))
        names = [i.filename for i in zin.infolist() if i.filename != "manifest.json"]
        for name in [*names, *(n for n in changes if n not in names)]:
            data = changes[name] if name in changes else zin.read(name)
            if data is None:
                manifest["parts"].pop(name, None)
                continue
            if name in changes:
                manifest["parts"][name] = {
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "bytes": len(data),
                }
            zout.writestr(name, data)
        zout.writestr("manifest.json", orjson.dumps(manifest))
