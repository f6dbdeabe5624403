"""Disbursements: the hub requests and pays, the bureau approves or rejects; both may reverse.

Every step saves the disbursement and its budget together (the budget is returned with it), so
the budget's version is the consistency boundary: two requests decided on the same budget
version cannot both be saved (the loser gets
:class:`~ledger.domain.errors.ConcurrentModificationError` and may retry on the new version).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast
from uuid import UUID

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.disbursements import (
    ApproveDisbursement,
    CarryOverDisbursement,
    RecordPayment,
    RejectDisbursement,
    RequestDisbursement,
    ReverseDisbursement,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.handlers.funds import HUBS_ONLY, hidden_from, readable_by
from ledger.application.interface.budgets import disbursement_view
from ledger.application.lookups import Lookups, acting_platform
from ledger.application.writes import Decision
from ledger.domain import ids
from ledger.domain.base import LedgerAggregate
from ledger.domain.budget import Budget
from ledger.domain.claim import ClaimKind
from ledger.domain.disbursement import Disbursement
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    BudgetNotFoundError,
    CommitmentNotFoundError,
    ConcurrentModificationError,
    DisbursementExistsError,
    DisbursementNotFoundError,
    UnknownBudgetError,
    WrongPlatformKindError,
)

Step = Callable[[Budget], None]
"""What a step does to the disbursement, given its budget (changed with it, or not)."""


class Disbursements(Capability[Disbursement]):
    aggregate = Disbursement
    resource_type = "disbursement"
    label = "disbursement"
    not_found = DisbursementNotFoundError
    target = "disbursement_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: Disbursement, on: date) -> View:
        return disbursement_view(aggregate)

    def visible(self, aggregate: Disbursement, principal: Principal) -> bool:
        return readable_by(aggregate.hub_id, principal)

    def guard(self, aggregate: Disbursement, command: object, context: RequestContext) -> None:
        if hidden_from(aggregate.hub_id, context.principal):
            raise self.missing(aggregate.id)

    # --- commands --------------------------------------------------------------------------

    @creates(RequestDisbursement, exists=DisbursementExistsError)
    def request(self, command: RequestDisbursement, meta: Envelope) -> Decision[Disbursement]:
        """The amount is reserved on the budget's line in the same save as the request."""
        hub_id = acting_platform(meta, HUBS_ONLY)
        self.lookups.connected_hub(hub_id)
        try:
            budget = self.lookups.budget(ids.budget_id(hub_id, command.year))
        except BudgetNotFoundError:
            raise UnknownBudgetError(
                f"This hub has no budget for {command.year}; propose it first (POST /v1/budgets).",
                year=command.year,
            ) from None
        disbursement = Disbursement.request_from(
            budget, disbursement_id=command.disbursement_id, request=command.request, meta=meta
        )
        voucher = self.lookups.claim(
            ClaimKind.VOUCHER, disbursement.voucher_sha256, disbursement.id, meta
        )
        return Decision(disbursement, (budget, voucher))

    @acts(ApproveDisbursement)
    def approve(
        self, disbursement: Disbursement, command: ApproveDisbursement, meta: Envelope
    ) -> list[Budget]:
        return self._step(disbursement, meta, lambda _: disbursement.approve(command.note, meta))

    @acts(RejectDisbursement)
    def reject(
        self, disbursement: Disbursement, command: RejectDisbursement, meta: Envelope
    ) -> list[LedgerAggregate]:
        """The voucher is free again for a corrected request."""
        reasons = list(command.reasons)
        changed = self._step(disbursement, meta, lambda b: disbursement.reject(b, reasons, meta))
        voucher = self.lookups.held_claim(ClaimKind.VOUCHER, disbursement.voucher_sha256)
        if voucher is not None:
            voucher.release(disbursement.id, meta)
        return [*changed, *([voucher] if voucher is not None else [])]

    @acts(CarryOverDisbursement)
    def carry_over(
        self, disbursement: Disbursement, command: CarryOverDisbursement, meta: Envelope
    ) -> None:
        """The bureau's decision: acting for no platform (a hub's key is refused)."""
        if meta.platform_id is not None:
            raise WrongPlatformKindError(
                "The bureau carries reservations over into the next year; a platform does not."
            )
        disbursement.carry_over(command.until, command.reason, meta)

    @acts(RecordPayment)
    def pay(
        self, disbursement: Disbursement, command: RecordPayment, meta: Envelope
    ) -> list[LedgerAggregate]:
        """The bank reference records this payment only, in the whole network."""
        changed = self._step(
            disbursement,
            meta,
            lambda b: disbursement.pay(b, command.payment_reference, command.paid_on, meta),
        )
        reference = disbursement.payment_reference
        return [
            *changed,
            self.lookups.claim(ClaimKind.PAYMENT_REFERENCE, reference, disbursement.id, meta),
        ]

    @acts(ReverseDisbursement)
    def reverse(
        self, disbursement: Disbursement, command: ReverseDisbursement, meta: Envelope
    ) -> list[Budget]:
        return self._step(
            disbursement,
            meta,
            lambda b: disbursement.reverse(
                b, kind=command.kind, amount=command.amount, reason=command.reason, meta=meta
            ),
        )

    # --- internals -------------------------------------------------------------------------

    def _step(self, disbursement: Disbursement, meta: Envelope, step: Step) -> list[Budget]:
        """Take ``step`` on ``disbursement`` with its budget as it is now; the budget is saved
        with it."""
        self.lookups.hub_or_network_actor(meta)
        budget = self.lookups.budget(cast(UUID, disbursement.budget_id))
        try:
            step(budget)
        except CommitmentNotFoundError:
            # The two are only ever saved together, so a budget that does not hold what the
            # disbursement says was read after another save the disbursement (read before it)
            # does not show yet: a lost race, which a retry decides afresh.
            raise ConcurrentModificationError(
                f"Disbursement {disbursement.id} was changed by another request while this "
                "one was being decided. Read it again and retry if still appropriate.",
                id=str(disbursement.id),
            ) from None
        return [budget]
