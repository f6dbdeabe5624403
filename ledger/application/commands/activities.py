"""Public service activities (公益性服务活动): a hub or window plans one, then records that it
was held and how its participants rated it, or cancels it before it takes place."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.activity import Evaluation, Holding, Plan


@dataclass(frozen=True, kw_only=True)
class Hold:
    """The activity took place: when, how many attended, which enterprises took part."""

    holding: Holding


@dataclass(frozen=True, kw_only=True)
class Evaluate:
    """The participants' satisfaction survey of a held activity."""

    evaluation: Evaluation


@dataclass(frozen=True, kw_only=True)
class CancelActivity:
    """The activity will not take place (only a planned one is cancelled)."""

    reason: str


ActivityStep = Hold | Evaluate | CancelActivity


@dataclass(frozen=True, kw_only=True)
class PlanActivity(Command[Outcome]):
    """Plan an activity of the acting platform; its ``external_ref`` is planned once."""

    plan: Plan


@dataclass(frozen=True, kw_only=True)
class StepActivity(Command[Outcome]):
    """Take one step (hold, evaluate, cancel) on an activity the acting platform organised."""

    activity_id: UUID
    step: ActivityStep


@dataclass(frozen=True, kw_only=True)
class MarkAllianceActivity(Command[Outcome]):
    """The hub marks an activity of an alliance member as an alliance activity (Art. 6.8)."""

    activity_id: UUID
    note: str = ""
