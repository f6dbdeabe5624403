"""Access keys as the edges read them: is there a first key yet, which live key a secret is,
which key an actor (``key:<id>``) is, and every key ever issued."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from ledger.application.ports import Directory
from ledger.application.queries.listing import WHOLE, Listed, Page, listed
from ledger.application.store import LedgerCore
from ledger.domain import ids
from ledger.domain.access_key import AccessKey, hash_secret
from ledger.domain.base import LedgerAggregate
from ledger.domain.errors import AccessKeyNotFoundError
from ledger.domain.standing import StandingAggregate


def is_initialised(ledger: LedgerCore) -> bool:
    """Whether the ledger has its first admin key (and genesis marker)."""
    return ids.GENESIS_ID in ledger.repository


def authenticate(ledger: LedgerCore, secret: str) -> AccessKey | None:
    """The live key for ``secret``; ``None`` if it is unknown or revoked, or if the platform
    or institution it acts for has had its qualification revoked."""
    try:
        key: LedgerAggregate = ledger.repository.get(ids.access_key_id(hash_secret(secret)))
    except AggregateNotFoundError:
        return None
    if not isinstance(key, AccessKey) or key.revoked:
        return None
    if key.platform_id is not None:
        subject: LedgerAggregate = ledger.repository.get(key.platform_id)
        if isinstance(subject, StandingAggregate) and subject.is_revoked:
            return None
    return key


def list_keys(
    ledger: LedgerCore,
    directory: Directory,
    page: Page = WHOLE,
    keep: Callable[[AccessKey], bool] | None = None,
) -> Listed[AccessKey]:
    """Every key ever issued (that ``keep`` keeps), in issue order."""
    return listed(ledger, directory, "access_key", AccessKey, AccessKeyNotFoundError, page, keep)


def key_of(ledger: LedgerCore, key_id: UUID) -> AccessKey:
    """The key ``key_id`` (live or revoked), or :class:`AccessKeyNotFoundError`."""
    return ledger.load(key_id, AccessKey, AccessKeyNotFoundError, "access key")
