"""Handing the latest checkpoint to the witnesses (C2SP ``tlog-witness``) and keeping their
cosignatures (C2SP ``tlog-cosignature``) beside its note.

For each configured witness that has not cosigned the latest checkpoint note yet, the log
posts ``old <size>``, the RFC 6962 consistency proof from that size, a blank line and the note
to ``<url>/add-checkpoint``. The old size is the one the witness last acknowledged (remembered,
else the largest it cosigned in the store, else 0); a ``409`` names the size the witness has,
and the submission is made again from there. A cosignature is kept only once it verifies with
the witness's configured key. Submissions run beside sealing (:class:`WitnessThread`), each
bounded by a timeout, so a witness that is slow or away never holds a checkpoint back.
"""

from __future__ import annotations

import base64
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from evidence.cosignature import CosignerKey, parse_cosigner_key, verify_cosignatures
from evidence.merkle import consistency_ranges, resolve
from evidence.note import NoteError
from ledger.audit.records import AuditStore, StoredCosignature

log = logging.getLogger("ledger.audit.witnessing")
COSIGNED, CONFLICT, REFUSED, UNAVAILABLE = "cosigned", "conflict", "refused", "unavailable"
OUTCOMES = (COSIGNED, CONFLICT, REFUSED, UNAVAILABLE)
_409_RETRIES = 2


@dataclass(frozen=True)
class WitnessEndpoint:
    """A witness the log submits to: its verifier key and its submission prefix (a URL)."""

    key: CosignerKey
    url: str

    @property
    def label(self) -> str:
        return self.key.label


def parse_witnesses(text: str) -> list[WitnessEndpoint]:
    """The witnesses of ``LEDGER_WITNESSES``: ``<verifier key>=<URL>`` entries separated by
    commas or whitespace. The key's base64 never holds ``=`` (33 bytes need no padding), so
    the first ``=`` after the key's second ``+`` ends the key. Raises ``ValueError``."""
    endpoints: list[WitnessEndpoint] = []
    for entry in text.replace(",", " ").split():
        name, _, rest = entry.partition("+")
        key_id, _, rest = rest.partition("+")
        key_data, equals, url = rest.partition("=")
        if not equals or not url.startswith(("http://", "https://")):
            msg = f"{entry!r} is not <witness verifier key>=<http(s) URL>"
            raise ValueError(msg)
        try:
            key = parse_cosigner_key(f"{name}+{key_id}+{key_data}")
        except NoteError as e:
            msg = f"{entry!r}: {e}"
            raise ValueError(msg) from None
        if any(e.label == key.label for e in endpoints):
            msg = f"the witness {key.label} is listed twice"
            raise ValueError(msg)
        endpoints.append(WitnessEndpoint(key, url.rstrip("/")))
    return endpoints


Post = Callable[[str, bytes, float], tuple[int, str]]
"""POST a body to a URL within a timeout: the status and the response text. Raises
``OSError`` when there is no answer."""


def post_text(url: str, body: bytes, timeout: float) -> tuple[int, str]:
    request = urllib.request.Request(  # noqa: S310 - the operator's configured http(s) URL
        url, data=body, method="POST", headers={"Content-Type": "text/plain; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return int(response.status), response.read(65536).decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        with e:
            return int(e.code), e.read(65536).decode("utf-8", "replace")


@dataclass(frozen=True)
class Outcome:
    """What one submission to one witness came to."""

    witness: str
    outcome: str
    tree_size: int
    detail: str = ""


class Witnessing:
    """Submits the latest checkpoint note to every witness that has not cosigned it."""

    def __init__(
        self,
        store: AuditStore,
        witnesses: Sequence[WitnessEndpoint],
        timeout: float = 5.0,
        post: Post = post_text,
        observe: Callable[[Outcome], None] | None = None,
    ) -> None:
        self.store = store
        self.witnesses = list(witnesses)
        self.timeout = timeout
        self.post = post
        self.observe = observe
        self._acknowledged: dict[str, int] = {}

    def submit_latest(self) -> list[Outcome]:
        """Submit the latest checkpoint note; one outcome per witness that had not cosigned it."""
        latest = self.store.latest_note()
        if latest is None or not self.witnesses:
            return []
        size, note = latest
        done = {c.witness for c in self.store.cosignatures(size)}
        outcomes = []
        for witness in self.witnesses:
            if witness.label in done:
                continue
            outcome = self._submit(witness, size, note)
            outcomes.append(outcome)
            if outcome.outcome != COSIGNED:
                log.warning(
                    "witness %s (%s) did not cosign tree size %d: %s %s",
                    witness.label,
                    witness.url,
                    size,
                    outcome.outcome,
                    outcome.detail,
                )
            if self.observe is not None:
                self.observe(outcome)
        return outcomes

    def _old_size(self, witness: WitnessEndpoint) -> int:
        if witness.label in self._acknowledged:
            return self._acknowledged[witness.label]
        return self.store.last_cosigned(witness.label) or 0

    def _submit(self, witness: WitnessEndpoint, size: int, note: bytes) -> Outcome:
        old = self._old_size(witness)
        for _ in range(1 + _409_RETRIES):
            if old > size:
                # The witness cosigned a larger tree of this log than the latest checkpoint: a
                # log restored from a backup, or another signer of its key. It will cosign only
                # a tree that extends that one.
                detail = f"the witness has cosigned tree size {old}, beyond this log's {size}"
                return Outcome(witness.label, CONFLICT, size, detail)
            proof = resolve(consistency_ranges(old, size), self.store.nodes) if old else []
            lines = "".join(base64.b64encode(h).decode() + "\n" for h in proof)
            body = f"old {old}\n{lines}\n".encode() + note
            try:
                status, text = self.post(f"{witness.url}/add-checkpoint", body, self.timeout)
            except (OSError, ValueError) as e:  # refused, reset, timed out, unreadable
                return Outcome(witness.label, UNAVAILABLE, size, f"{type(e).__name__}: {e}")
            if status == 200:
                return self._keep(witness, size, note, text)
            if status == 409:
                known = text.strip()
                if not known.isascii() or not known.isdigit():
                    return Outcome(witness.label, REFUSED, size, f"409 without a size: {known!r}")
                old = self._acknowledged[witness.label] = int(known)
                continue
            kind = UNAVAILABLE if status >= 500 else REFUSED
            return Outcome(witness.label, kind, size, f"{status}: {text.strip()[:200]}")
        return Outcome(witness.label, CONFLICT, size, f"still 409 after {_409_RETRIES} retries")

    def _keep(self, witness: WitnessEndpoint, size: int, note: bytes, text: str) -> Outcome:
        """Keep the line of ``text`` that cosigns ``note`` by the witness's configured key."""
        for line in text.splitlines():
            try:
                found = verify_cosignatures(note + line.encode() + b"\n", [witness.key])
            except NoteError as e:
                return Outcome(witness.label, REFUSED, size, f"an answer that does not verify: {e}")
            if found:
                try:
                    cosigned_at = datetime.fromtimestamp(found[0].timestamp, UTC)
                except (OverflowError, ValueError, OSError):
                    detail = f"a cosignature dated {found[0].timestamp} s after 1970"
                    return Outcome(witness.label, REFUSED, size, detail)
                kept = StoredCosignature(size, witness.label, cosigned_at, line + "\n")
                self.store.add_cosignature(kept)
                self._acknowledged[witness.label] = size
                return Outcome(witness.label, COSIGNED, size)
        detail = "the answer holds no cosignature by the configured key"
        return Outcome(witness.label, REFUSED, size, detail)


class WitnessThread:
    """Submissions on a background thread: woken when a checkpoint is written (:meth:`notify`)
    and every ``interval`` seconds; after a round with failures it waits longer, up to a
    minute, before trying again."""

    def __init__(self, witnessing: Witnessing, interval: float = 30.0) -> None:
        self.witnessing = witnessing
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._seen = -1
        self._thread = threading.Thread(target=self._run, name="ledger-witnessing", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self.notify()  # a checkpoint sealed before a restart may still need its cosignatures

    def notify(self) -> None:
        self._wake.set()

    def checkpointed(self, tree_size: int) -> None:
        """The latest checkpoint now has ``tree_size``: wake if it is a new one."""
        if tree_size != self._seen:
            self._seen = tree_size
            self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            self._wake.wait(self.interval if not failures else min(2.0**failures, 60.0))
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                outcomes = self.witnessing.submit_latest()
            except Exception:
                log.exception("handing the checkpoint to the witnesses failed; retrying")
                outcomes = []
                failures += 1
                continue
            failures = failures + 1 if any(o.outcome != COSIGNED for o in outcomes) else 0
