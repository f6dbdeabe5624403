"""Disbursements: the hub requests and pays, the bureau approves or rejects; both may reverse.

Every step that moves money saves the disbursement and its budget together
(:class:`~ledger.application.uow.Decision`), so the
budget's version is the consistency boundary: two
requests decided on the same budget version cannot both be saved (the loser gets
:class:`~ledger.domain.errors.ConcurrentModificationError` and may retry on the new version).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import cast
from uuid import UUID, uuid4

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.budgets import disbursement_view
from ledger.application.mixins.budgets import BudgetCommands, hide_from_other_hubs
from ledger.application.uow import Decision, Outcome, Write
from ledger.domain import ids
from ledger.domain.budget import Budget
from ledger.domain.disbursement import Disbursement, DisbursementRequest, ReversalKind
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    BudgetNotFoundError,
    CommitmentNotFoundError,
    ConcurrentModificationError,
    DisbursementExistsError,
    DisbursementNotFoundError,
    UnknownBudgetError,
)

DisbursementAction = Callable[[Disbursement, Budget], None]


class DisbursementCommands(BudgetCommands):
    # --- commands and queries -----------------------------------------------------------------

    def request_disbursement(
        self,
        *,
        year: int,
        request: DisbursementRequest,
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
        disbursement_id: UUID | None = None,
    ) -> Outcome:
        """The acting hub requests a disbursement from a line of its ``year`` budget.

        The amount is reserved on the line in the same save as the request (see module doc).
        ``disbursement_id`` is for callers that must reproduce their record exactly (the
        demonstration seed); an id already used is refused. The API never sends one.
        """
        hub_id = self._acting_hub(meta)
        budget_id = ids.budget_id(hub_id, year)
        # A new id per request: retrying safely is what Idempotency-Key is for, and one voucher
        # backs one live disbursement of a budget, so a blind retry is refused, not paid twice.
        disbursement_id = disbursement_id or uuid4()

        def decide(_: Disbursement | None) -> Decision[Disbursement]:
            self.connected_hub(hub_id)
            try:
                budget = self.get_budget(budget_id)
            except BudgetNotFoundError:
                raise UnknownBudgetError(
                    f"This hub has no budget for {year}; propose it first (POST /v1/budgets).",
                    year=year,
                ) from None
            disbursement = Disbursement.request_from(
                budget, disbursement_id=disbursement_id, request=request, meta=meta
            )
            return Decision(disbursement, (budget,))

        return self.uow.run(
            Write(
                stream_id=disbursement_id,
                aggregate_type=Disbursement,
                decide=decide,
                resource_type="disbursement",
                render=disbursement_view,
                not_found=DisbursementNotFoundError,
                exists=DisbursementExistsError,
            ),
            meta,
            idempotency,
        )

    def approve_disbursement(
        self,
        disbursement_id: UUID,
        note: str,
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        return self._act_on_disbursement(
            disbursement_id,
            lambda d, _budget: d.approve(note, meta),
            meta=meta,
            expected_version=expected_version,
            idempotency=idempotency,
        )

    def reject_disbursement(
        self,
        disbursement_id: UUID,
        reasons: list[str],
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        return self._act_on_disbursement(
            disbursement_id,
            lambda d, budget: d.reject(budget, reasons, meta),
            meta=meta,
            expected_version=expected_version,
            idempotency=idempotency,
        )

    def record_payment(
        self,
        disbursement_id: UUID,
        *,
        payment_reference: str,
        paid_on: date,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        return self._act_on_disbursement(
            disbursement_id,
            lambda d, budget: d.pay(budget, payment_reference, paid_on, meta),
            meta=meta,
            expected_version=expected_version,
            idempotency=idempotency,
        )

    def reverse_disbursement(
        self,
        disbursement_id: UUID,
        *,
        kind: ReversalKind,
        amount: Decimal | str,
        reason: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        return self._act_on_disbursement(
            disbursement_id,
            lambda d, budget: d.reverse(budget, kind=kind, amount=amount, reason=reason, meta=meta),
            meta=meta,
            expected_version=expected_version,
            idempotency=idempotency,
        )

    def get_disbursement(self, disbursement_id: UUID, version: int | None = None) -> Disbursement:
        return self.load(
            disbursement_id, Disbursement, DisbursementNotFoundError, "disbursement", version
        )

    def list_disbursements(self, budget_id: UUID) -> list[Disbursement]:
        """Every disbursement requested against a budget, in the order requested."""
        return [self.get_disbursement(d) for d in self.get_budget(budget_id).disbursement_ids]

    # --- internals ----------------------------------------------------------------------------

    def _act_on_disbursement(
        self,
        disbursement_id: UUID,
        action: DisbursementAction,
        *,
        meta: Envelope,
        expected_version: int | None,
        idempotency: IdempotencyRequest | None,
    ) -> Outcome:
        def decide(disbursement: Disbursement | None) -> Decision[Disbursement]:
            if disbursement is None:
                raise DisbursementNotFoundError(
                    f"No disbursement with id {disbursement_id}.", id=str(disbursement_id)
                )
            self._check_platform_actor(meta)
            budget = self.get_budget(cast(UUID, disbursement.budget_id))
            try:
                action(disbursement, budget)
            except CommitmentNotFoundError:
                # The two are only ever saved together, so a budget that does not hold what
                # the disbursement says was read after another save the disbursement (read
                # before it) does not show yet: a lost race, which a retry decides afresh.
                raise ConcurrentModificationError(
                    f"Disbursement {disbursement_id} was changed by another request while this "
                    "one was being decided. Read it again and retry if still appropriate.",
                    id=str(disbursement_id),
                ) from None
            return Decision(disbursement, (budget,))

        return self.uow.run(
            Write(
                stream_id=disbursement_id,
                aggregate_type=Disbursement,
                decide=decide,
                resource_type="disbursement",
                render=disbursement_view,
                not_found=DisbursementNotFoundError,
                expected_version=expected_version,
                guard=lambda d: hide_from_other_hubs(
                    d.hub_id, meta, DisbursementNotFoundError, "disbursement", disbursement_id
                ),
            ),
            meta,
            idempotency,
        )
