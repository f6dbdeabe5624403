"""Bodies of the corrections of a service case: an amended delivery, a voided case.

A correction is a new event with a reason, never an edit: the history keeps what was recorded
first, what corrected it and why (红字冲销).
"""

from __future__ import annotations

from pydantic import ConfigDict

from api.schemas.cases import CaseStepBody, DeliveryBody
from api.schemas.common import OccurredAt, Reason
from ledger.application.commands.cases import AmendDelivery, Void


class DeliveryAmendmentBody(DeliveryBody):
    """The delivery as it should have been recorded, and why it is corrected."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "delivered_on": "2026-03-02",
                    "mode": "onsite",
                    "fee_type": "discounted",
                    "fee_amount": "260.00",
                    "reason": "收费金额录入错误，以发票为准",
                }
            ]
        }
    )

    reason: Reason

    def to_step(self) -> AmendDelivery:
        return AmendDelivery(
            delivery=self.delivery(), reason=self.reason, occurred_at=self.occurred_at
        )


class VoidingBody(CaseStepBody):
    """Void a case recorded by mistake: it stays in the history and counts nowhere."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reason": "重复录入，与 YC-2026-000122 为同一服务"}]}
    )

    reason: Reason
    occurred_at: OccurredAt = None

    def to_step(self) -> Void:
        return Void(reason=self.reason, occurred_at=self.occurred_at)
