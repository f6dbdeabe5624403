"""Published appraisal schemes (Art. 11-12): the appraiser of a kind publishes its scheme,
effective from a year, and newer versions of it; every run scores by the scheme in force.

Who publishes is who appraises (``appraisals.appraiser_of``): the hub for windows and
institutions, the bureau for the hub. Everyone who reads appraisals reads the schemes.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from ledger.application.capability import Capability, Command, View, acts, creates
from ledger.application.commands.schemes import PublishScheme, ReviseScheme
from ledger.application.context import Principal, RequestContext
from ledger.application.handlers.appraisals import check_appraiser
from ledger.application.interface.schemes import published_scheme_view
from ledger.application.lookups import Lookups
from ledger.application.writes import Write
from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import SchemeExistsError, SchemeNotFoundError
from ledger.domain.published_scheme import FIRST_YEAR, PublishedScheme
from ledger.domain.schemes import Scheme, default_scheme


class Schemes(Capability[PublishedScheme]):
    aggregate = PublishedScheme
    resource_type = "scheme"
    label = "scheme"
    not_found = SchemeNotFoundError
    target = "scheme_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: PublishedScheme, on: date) -> View:
        return published_scheme_view(aggregate)

    def visible(self, aggregate: PublishedScheme, principal: Principal) -> bool:
        return True

    def write(self, command: Command[Any], context: RequestContext, meta: Envelope) -> Write[Any]:
        """Only the appraiser of the kind publishes (checked before anything is recorded)."""
        if isinstance(command, PublishScheme):
            check_appraiser(context.principal, command.scheme.subject_kind)
        elif isinstance(command, ReviseScheme):
            published = self.lookups.store.load(
                command.scheme_id, PublishedScheme, SchemeNotFoundError, self.label
            )
            check_appraiser(context.principal, published.subject_kind)
        return super().write(command, context, meta)

    @creates(PublishScheme, exists=SchemeExistsError)
    def publish(self, command: PublishScheme, meta: Envelope) -> PublishedScheme:
        return PublishedScheme.publish(
            effective_from=command.effective_from,
            scheme=command.scheme,
            note=command.note,
            meta=meta,
        )

    @acts(ReviseScheme)
    def revise(self, published: PublishedScheme, command: ReviseScheme, meta: Envelope) -> None:
        published.revise(scheme=command.scheme, note=command.note, meta=meta)

    def in_force(self, subject_kind: str, year: int) -> tuple[Scheme, PublishedScheme | None]:
        """The scheme appraisals of ``subject_kind`` for ``year`` are scored by: the latest
        version published effective from ``year`` or the nearest year before it, else the
        packaged scheme (and the published record, if any)."""
        for effective_from in range(year, FIRST_YEAR - 1, -1):
            found = self.lookups.store.find(ids.scheme_id(subject_kind, effective_from))
            if isinstance(found, PublishedScheme):
                return found.scheme, found
        return default_scheme(subject_kind), None


def scheme_in_force(capability: Capability[Any], subject_kind: str, year: int) -> Scheme:
    """The scheme in force for ``subject_kind`` and ``year``, from the schemes' capability."""
    return cast(Schemes, capability).in_force(subject_kind, year)[0]
