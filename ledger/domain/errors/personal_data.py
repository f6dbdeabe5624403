"""Personal information: enterprises' contact persons, sealed and erasable (PIPL Art. 47)."""

from __future__ import annotations

from ledger.domain.errors.base import ForbiddenError, NotFoundError, RuleViolationError

__all__ = [
    "ContactEmptyError",
    "ContactNotFoundError",
    "ContactRestrictedError",
    "InvalidContactError",
    "NoContactToEraseError",
    "UnknownErasureGroundError",
]


class ContactNotFoundError(NotFoundError):
    code = "contact_not_found"
    title = "No contact person recorded"


class ContactRestrictedError(ForbiddenError):
    code = "contact_restricted"
    title = "The contact person is not yours to read"


class ContactEmptyError(RuleViolationError):
    code = "contact_empty"
    title = "A contact person needs a name and a phone or an e-mail"


class InvalidContactError(RuleViolationError):
    code = "invalid_contact"
    title = "The contact's phone or e-mail is malformed"


class NoContactToEraseError(RuleViolationError):
    code = "no_contact_to_erase"
    title = "No contact person to erase"


class UnknownErasureGroundError(RuleViolationError):
    code = "unknown_erasure_ground"
    title = "Unknown ground for erasure"
