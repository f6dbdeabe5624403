"""Public service activities: planned by a hub or window, then held, evaluated or cancelled.

Only a connected platform organises activities. A window sees (and acts on) only its own; the
hub sees every activity, but acting on one it did not organise is a rule it breaks.
"""

from __future__ import annotations

from datetime import date

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.activities import (
    ActivityStep,
    Evaluate,
    Hold,
    MarkAllianceActivity,
    PlanActivity,
    StepActivity,
)
from ledger.application.context import Principal, RequestContext
from ledger.application.interface.activities import activity_view
from ledger.application.lookups import Lookups, acting_platform
from ledger.domain.access_key import Role
from ledger.domain.activity import Activity
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ActivityExistsError,
    ActivityNotFoundError,
    NotAllianceMemberError,
    WrongPlatformKindError,
)
from ledger.domain.platform import PlatformKind

_ORGANISERS_ONLY = "Activities are organised by a hub or window platform."


class Activities(Capability[Activity]):
    aggregate = Activity
    resource_type = "activity"
    label = "activity"
    not_found = ActivityNotFoundError
    target = "activity_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: Activity, on: date) -> View:
        return activity_view(aggregate)

    def visible(self, aggregate: Activity, principal: Principal) -> bool:
        return principal.role is not Role.WINDOW or aggregate.organiser_id == principal.platform_id

    def guard(self, aggregate: Activity, command: object, context: RequestContext) -> None:
        platform_id = context.principal.platform_id
        if platform_id is None:
            raise WrongPlatformKindError(_ORGANISERS_ONLY)
        # A window reads only its own activities, so another's is reported as absent. The hub
        # reads every activity: acting on one it did not organise is a rule it breaks.
        acting = self.lookups.platform(platform_id)
        if acting.kind is PlatformKind.WINDOW and aggregate.organiser_id != platform_id:
            raise self.missing(aggregate.id)

    # --- commands --------------------------------------------------------------------------

    @creates(PlanActivity, exists=ActivityExistsError)
    def plan_activity(self, command: PlanActivity, meta: Envelope) -> Activity:
        organiser_id = acting_platform(meta, _ORGANISERS_ONLY)
        organiser = self.lookups.organising_platform(organiser_id)
        return Activity.plan_activity(
            organiser_id=organiser_id, organiser_kind=organiser.kind, plan=command.plan, meta=meta
        )

    @acts(StepActivity)
    def step_activity(self, activity: Activity, command: StepActivity, meta: Envelope) -> None:
        self.lookups.organising_platform(acting_platform(meta, _ORGANISERS_ONLY))
        self._take(activity, command.step, meta)

    @acts(MarkAllianceActivity)
    def mark_alliance(
        self, activity: Activity, command: MarkAllianceActivity, meta: Envelope
    ) -> None:
        """The hub marks an activity whose organiser is an alliance member on its first day."""
        self.lookups.connected_hub(acting_platform(meta, "The hub marks alliance activities."))
        if activity.organiser_id is None or activity.plan is None:  # pragma: no cover
            raise self.missing(activity.id)
        first_day = activity.plan.starts_on
        membership = self.lookups.alliance_membership(activity.organiser_id)
        if membership is None or not membership.member_on(first_day):
            raise NotAllianceMemberError(
                f"The organiser {activity.organiser_id} was not an alliance member on "
                f"{first_day}, the activity's first day; record its membership first.",
                member_id=str(activity.organiser_id),
                on=first_day.isoformat(),
            )
        activity.mark_as_alliance_activity(command.note, meta)

    # --- internals -------------------------------------------------------------------------

    def _take(self, activity: Activity, step: ActivityStep, meta: Envelope) -> None:
        match step:
            case Hold():
                activity.hold(step.holding, meta)
            case Evaluate():
                activity.evaluate(step.evaluation, meta)
            case _:
                activity.cancel(step.reason, meta)
