"""The values of the domain's enums, as the views declare them: a ``Literal`` per enum, so the
OpenAPI document lists what a field may hold (a unit test keeps each in step with its enum)."""

from __future__ import annotations

from typing import Literal

SizeClassName = Literal["large", "medium", "small", "micro"]
"""The values of :class:`~ledger.domain.values.SizeClass`."""
RoleName = Literal["admin", "hub", "bureau", "window", "institution", "auditor"]
"""The values of :class:`~ledger.domain.access_key.Role`."""
ErasureGroundName = Literal[
    "purpose_achieved", "service_ended", "consent_withdrawn", "unlawful", "other_legal"
]
"""The values of :class:`~ledger.domain.personal_data.ErasureGround`."""
CaseStatusName = Literal[
    "opened", "assigned", "delivered", "feedback_received", "closed", "cancelled", "voided"
]
"""The values of :class:`~ledger.domain.case_values.CaseStatus`."""
ChannelName = Literal["online", "offline"]
"""The values of :class:`~ledger.domain.case_values.Channel`."""
ProviderKindName = Literal["institution", "expert"]
"""The values of :class:`~ledger.domain.case_values.ProviderKind`."""
DeliveryModeName = Literal["onsite", "online", "phone", "written"]
"""The values of :class:`~ledger.domain.case_values.DeliveryMode`."""
FeeTypeName = Literal["free", "discounted", "paid"]
"""The values of :class:`~ledger.domain.case_values.FeeType`."""
PlatformKindName = Literal["hub", "window"]
"""The values of :class:`~ledger.domain.platform.PlatformKind`."""
PlatformStatusName = Literal["connected", "revoked"]
"""The values of :class:`~ledger.domain.platform.PlatformStatus`."""
InstitutionStatusName = Literal["registered", "active", "revoked"]
"""The values of :class:`~ledger.domain.institution.InstitutionStatus`."""
StandingName = Literal["good", "priority_support", "rectifying", "revocation_requested", "revoked"]
"""The values of :class:`~ledger.domain.standing.Standing`."""
ImportStatusName = Literal["created", "exists", "conflict", "rejected"]
"""The values of :class:`~ledger.application.commands.cases.ImportStatus`."""
