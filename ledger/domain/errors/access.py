"""Refusals of who asks: a principal whose role may not take this step on this subject.

Most roles are checked where a request comes in (a route admits only the roles it serves); what
depends on the subject itself (who supervises a platform, say) is decided by the application,
which refuses with these. A family of its own beside those in the package (``LedgerError``'s
children): the API answers it with 403.
"""

from __future__ import annotations

from ledger.domain.errors import LedgerError


class ForbiddenError(LedgerError):
    code = "forbidden"
    title = "Forbidden"


class ForbiddenRoleError(ForbiddenError):
    code = "forbidden_role"
    title = "Role not allowed"
