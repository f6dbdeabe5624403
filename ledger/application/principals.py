"""Who a key is, from memory: every key and every revoked platform or institution as the log
says, kept current by reading the log after the last position seen.

Authentication then reads no aggregate from the store (it read the key and its platform, each
under the library's per-aggregate lock, on every request). The log is read again when this
process saved a key's issue or revocation, or a platform's or institution's revocation (that
save wakes it, so it counts for the very next request; other saves, the appends of every
request, do not), when a key is not known (it may have been issued by another process just now), and
otherwise at most every :data:`REFRESH_SECONDS`.

Exactness does not rest on the cache. A write is refused at commit if its key, or the platform
or institution it acts for, was revoked before the commit — by any process (the unit of work's
revocation check, inside the locked insert). So a key revoked by another process may still
*read* for at most :data:`REFRESH_SECONDS`, and never writes again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.store import LedgerCore
from ledger.domain.access_key import AccessKey, Role, hash_secret
from ledger.domain.institution import Institution
from ledger.domain.platform import Platform

REFRESH_SECONDS = 0.25
"""How stale the keys may be, for reads, after a revocation saved by another process."""

_PAGE = 1000
_ISSUED, _REVOKED = get_topic(AccessKey.Issued), get_topic(AccessKey.Revoked)
_SUBJECT_REVOKED = frozenset(get_topic(e) for e in (Platform.Revoked, Institution.Revoked))
TOPICS = (_ISSUED, _REVOKED, *sorted(_SUBJECT_REVOKED))


@dataclass(frozen=True)
class KnownKey:
    """A key as authentication needs it."""

    id: UUID
    role: Role
    platform_id: UUID | None
    name: str
    revoked: bool = False


class Principals:
    """The keys of ``ledger``'s log, by the hash of their secret."""

    def __init__(
        self,
        ledger: LedgerCore,
        *,
        refresh_seconds: float = REFRESH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ledger, self.refresh_seconds, self.clock = ledger, refresh_seconds, clock
        self._by_hash: dict[str, KnownKey] = {}
        self._hash_of: dict[UUID, str] = {}
        self._revoked_subjects: set[UUID] = set()
        self._position = 0
        self._refreshed_at = float("-inf")
        self._saved = True
        self._lock = threading.Lock()
        ledger.after_save_of.append((frozenset(TOPICS), self._on_save))

    @property
    def position(self) -> int:
        """The position of the log the keys are known up to."""
        return self._position

    def authenticate(self, secret: str) -> KnownKey | None:
        """The live key for ``secret``; ``None`` if it is unknown or revoked, or if the platform
        or institution it acts for has had its qualification revoked."""
        secret_hash = hash_secret(secret)
        self.refresh()
        key = self._by_hash.get(secret_hash)
        if key is None:
            self.refresh(force=True)
            key = self._by_hash.get(secret_hash)
        if key is None or key.revoked:
            return None
        if key.platform_id is not None and key.platform_id in self._revoked_subjects:
            return None
        return key

    def refresh(self, *, force: bool = False) -> None:
        """Read the log after the last position seen, if it may say something new."""
        if not (force or self._saved or self._due()):
            return
        seen = self._refreshed_at
        with self._lock:
            if not (force or self._saved) and self._refreshed_at != seen:
                return  # read by another request while this one waited
            # A save while the log is read marks it again, so nothing saved is missed.
            self._saved = False
            started = self.clock()
            while True:
                page = self.ledger.log_page(self._position, _PAGE, topics=TOPICS)
                for logged in page:
                    self._apply(logged.event, logged.topic)
                    self._position = logged.position
                if len(page) < _PAGE:
                    break
            self._refreshed_at = started

    def _due(self) -> bool:
        return self.clock() - self._refreshed_at >= self.refresh_seconds

    def _apply(self, event: object, topic: str) -> None:
        if topic == _ISSUED and isinstance(event, AccessKey.Issued):
            key = KnownKey(event.originator_id, Role(event.role), event.platform_id, event.name)
            self._by_hash[event.secret_hash] = key
            self._hash_of[key.id] = event.secret_hash
        elif topic == _REVOKED and isinstance(event, AccessKey.Revoked):
            if (secret_hash := self._hash_of.get(event.originator_id)) is not None:
                self._by_hash[secret_hash] = replace(self._by_hash[secret_hash], revoked=True)
        elif topic in _SUBJECT_REVOKED:
            self._revoked_subjects.add(getattr(event, "originator_id"))  # noqa: B009

    def _on_save(self, _position: int) -> None:
        self._saved = True
