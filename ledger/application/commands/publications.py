"""Publications with content review (Art. 6.2): a window or the hub submits one, the hub
approves or rejects its content, the submitter publishes it; the submitter or the hub
withdraws it."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.publication import PublicationKind


@dataclass(frozen=True, kw_only=True)
class SubmitPublication(Command[Outcome]):
    """Submit a text (``body``) or a document (``content_sha256`` and ``summary``) for review,
    for the acting platform; its ``external_ref`` is submitted once."""

    external_ref: str
    kind: PublicationKind
    title: str
    body: str = ""
    content_sha256: str | None = None
    summary: str = ""
    category: str | None = None


@dataclass(frozen=True, kw_only=True)
class ApprovePublication(Command[Outcome]):
    """The hub approves the content (not the key that submitted it)."""

    publication_id: UUID
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class RejectPublication(Command[Outcome]):
    """The hub rejects the content, with reasons (final)."""

    publication_id: UUID
    reasons: str


@dataclass(frozen=True, kw_only=True)
class PublishPublication(Command[Outcome]):
    """The submitting platform publishes approved content (``channel``: where)."""

    publication_id: UUID
    channel: str = ""


@dataclass(frozen=True, kw_only=True)
class WithdrawPublication(Command[Outcome]):
    """Withdraw a publication: its submitter may, and so may the hub, for any."""

    publication_id: UUID
    reason: str
