"""Budgets: the hub proposes (and revises) its annual budget, the bureau approves and adjusts it.

Who acts is read from the envelope: a principal acting for a platform (``meta.platform_id``) must
be the connected hub that holds the budget, and is told that another hub's budget or disbursement
does not exist; network-wide principals (the bureau) act on every budget. Which roles may call
which command is decided at the edge (``api/routes``); the rules are decided in the domain.
Disbursements, which move money on the budget's lines, are in ``ledger/commands/disbursements``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import cast
from uuid import UUID

from eventsourcing.utils import get_topic

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.budgets import budget_view
from ledger.application.mixins.platforms import PlatformCommands
from ledger.application.uow import Outcome, Write
from ledger.domain import ids
from ledger.domain.budget import Budget
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    BudgetExistsError,
    BudgetNotFoundError,
    DisbursementNotFoundError,
    PlatformNotConnectedError,
    WrongPlatformKindError,
)
from ledger.domain.funds import LineDecision, LineProposal
from ledger.domain.platform import Platform, PlatformKind

BudgetAction = Callable[[Budget], None]


class BudgetCommands(PlatformCommands):
    # --- budgets ------------------------------------------------------------------------------

    def propose_budget(
        self,
        *,
        year: int,
        lines: Sequence[LineProposal],
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """The acting hub proposes its budget for ``year`` (once: a second one is 409)."""
        hub_id = self._acting_hub(meta)

        def decide(_: Budget | None) -> Budget:
            self.connected_hub(hub_id)
            return Budget.propose(hub_id=hub_id, year=year, lines=lines, meta=meta)

        return self.uow.run(
            Write(
                stream_id=ids.budget_id(hub_id, year),
                aggregate_type=Budget,
                decide=decide,
                resource_type="budget",
                render=budget_view,
                not_found=BudgetNotFoundError,
                exists=BudgetExistsError,
            ),
            meta,
            idempotency,
        )

    def revise_budget(
        self,
        budget_id: UUID,
        lines: Sequence[LineProposal],
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """The hub replaces the lines of its budget while it is still proposed."""
        return self._act_on_budget(
            budget_id,
            lambda budget: budget.revise(lines, meta),
            meta=meta,
            expected_version=expected_version,
            idempotency=idempotency,
        )

    def approve_budget(
        self,
        budget_id: UUID,
        decisions: Sequence[LineDecision],
        note: str,
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """The bureau decides every line of a proposed budget."""
        return self._act_on_budget(
            budget_id,
            lambda budget: budget.approve(decisions, note, meta),
            meta=meta,
            expected_version=expected_version,
            idempotency=idempotency,
        )

    def adjust_budget_line(
        self,
        budget_id: UUID,
        *,
        line_code: str,
        approved_amount: Decimal | str,
        reason: str,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """The bureau changes one line's approved amount after approval."""
        return self._act_on_budget(
            budget_id,
            lambda budget: budget.adjust_line(line_code, approved_amount, reason, meta),
            meta=meta,
            expected_version=expected_version,
            idempotency=idempotency,
        )

    def get_budget(self, budget_id: UUID, version: int | None = None) -> Budget:
        return self.load(budget_id, Budget, BudgetNotFoundError, "budget", version)

    def list_budgets(self, *, year: int | None = None, hub_id: UUID | None = None) -> list[Budget]:
        """Every budget (of ``year``, of ``hub_id``), in the order they were proposed.

        Found through the log by event type: there is one budget per hub and year, so the scan
        stays small; a projection takes over if it ever does not.
        """
        topic = get_topic(Budget.Proposed)
        budget_ids = [cast(UUID, n.originator_id) for n in self.scan(topics=[topic])]
        budgets = [self.get_budget(b) for b in budget_ids]
        return [
            b
            for b in budgets
            if (year is None or b.year == year) and (hub_id is None or b.hub_id == hub_id)
        ]

    def connected_hub(self, platform_id: UUID) -> Platform:
        """The hub platform that is acting, refused unless it is a connected hub."""
        platform = self.get_platform(platform_id)
        if platform.kind is not PlatformKind.HUB:
            raise WrongPlatformKindError(
                f"Platform {platform_id} is a {platform.kind} platform; only the hub proposes "
                "budgets and requests disbursements."
            )
        if not platform.is_connected:
            raise PlatformNotConnectedError(
                f"Platform {platform_id} is {platform.status}; only a connected hub acts on "
                "budgets."
            )
        return platform

    # --- shared with disbursements ------------------------------------------------------------

    def _acting_hub(self, meta: Envelope) -> UUID:
        if meta.platform_id is None:
            raise WrongPlatformKindError("Budgets are proposed and spent by the hub platform.")
        return meta.platform_id

    def _check_platform_actor(self, meta: Envelope) -> None:
        """A principal acting for a platform must be a connected hub (the bureau acts for none)."""
        if meta.platform_id is not None:
            self.connected_hub(meta.platform_id)

    def _act_on_budget(
        self,
        budget_id: UUID,
        action: BudgetAction,
        *,
        meta: Envelope,
        expected_version: int | None,
        idempotency: IdempotencyRequest | None,
    ) -> Outcome:
        def decide(budget: Budget | None) -> Budget:
            if budget is None:
                raise BudgetNotFoundError(f"No budget with id {budget_id}.", id=str(budget_id))
            self._check_platform_actor(meta)
            action(budget)
            return budget

        return self.uow.run(
            Write(
                stream_id=budget_id,
                aggregate_type=Budget,
                decide=decide,
                resource_type="budget",
                render=budget_view,
                not_found=BudgetNotFoundError,
                expected_version=expected_version,
                guard=lambda budget: hide_from_other_hubs(
                    budget.hub_id, meta, BudgetNotFoundError, "budget", budget_id
                ),
            ),
            meta,
            idempotency,
        )


def hide_from_other_hubs(
    hub_id: UUID | None,
    meta: Envelope,
    not_found: type[BudgetNotFoundError | DisbursementNotFoundError],
    label: str,
    stream_id: UUID,
) -> None:
    """A principal acting for a platform is told another hub's budget (or disbursement) does not
    exist."""
    if meta.platform_id is not None and meta.platform_id != hub_id:
        raise not_found(f"No {label} with id {stream_id}.", id=str(stream_id))
