"""Appraisal schemes as published records (Art. 11-12: 考核评价办法).

The hub sets how windows and institutions are appraised (Art. 12), the bureau how the hub is
(Art. 11). A scheme is published for a kind of subject, effective from a year; a later version
for the same year replaces it (for appraisals computed from then on); a scheme published for a
later year takes over from that year. Each version is recorded whole, checked as the packaged
schemes are, with its SHA-256, so an appraisal names exactly the document it was scored by.
Where nothing was published for a kind, its packaged scheme applies (``schemes.default_scheme``).

    (none) ──published, effective from a year──▶ published ──a newer version──▶ published …
"""

from __future__ import annotations

from typing import Any

from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.envelope import Envelope
from ledger.domain.errors import InvalidSchemeError, SchemeVersionError
from ledger.domain.schemes import Scheme, parse_scheme

FIRST_YEAR = 2018
"""The Measures took effect in 2018: no scheme under them is older."""


class PublishedScheme(LedgerAggregate):
    """The scheme of one kind of subject effective from one year, and its versions."""

    class Published(LedgerAggregate.Created):
        subject_kind: str
        effective_from: int
        document: dict[str, Any]
        digest: str
        note: str

        def apply(self, aggregate: PublishedScheme) -> None:
            aggregate.subject_kind = self.subject_kind
            aggregate.effective_from = self.effective_from
            aggregate.versions.append((dict(self.document), self.digest, self.note))

    class Revised(LedgerAggregate.Event):
        document: dict[str, Any]
        digest: str
        note: str

        def apply(self, aggregate: PublishedScheme) -> None:
            aggregate.versions.append((dict(self.document), self.digest, self.note))

    def __init__(self) -> None:
        self.subject_kind = ""
        self.effective_from = 0
        self.versions: list[tuple[dict[str, Any], str, str]] = []
        """Every version published: its document, SHA-256 and note, the latest last."""

    @classmethod
    def publish(
        cls, *, effective_from: int, scheme: Scheme, note: str, meta: Envelope
    ) -> PublishedScheme:
        if not FIRST_YEAR <= effective_from <= 2100:
            raise InvalidSchemeError(
                f"A scheme is effective from a year from {FIRST_YEAR} to 2100; got "
                f"{effective_from}."
            )
        return cls._create(
            cls.Published,
            id=ids.scheme_id(scheme.subject_kind, effective_from),
            subject_kind=scheme.subject_kind,
            effective_from=effective_from,
            document=scheme.document(),
            digest=scheme.digest,
            note=note,
            meta=meta,
        )

    @property
    def scheme(self) -> Scheme:
        """The latest version."""
        return parse_scheme(self.versions[-1][0])

    def revise(self, *, scheme: Scheme, note: str, meta: Envelope) -> None:
        current = self.scheme
        if scheme.subject_kind != self.subject_kind:
            raise InvalidSchemeError(
                f"This is the {self.subject_kind} scheme; the document appraises a "
                f"{scheme.subject_kind}."
            )
        if scheme.version <= current.version:
            raise SchemeVersionError(
                f"A new version of {current.id} is numbered above {current.version}; got "
                f"{scheme.version}.",
                version=current.version,
            )
        self.trigger_event(
            self.Revised, document=scheme.document(), digest=scheme.digest, note=note, meta=meta
        )
