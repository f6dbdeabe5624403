"""Public service activities: planned by a hub or window, then held, evaluated or cancelled."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from ledger.application.context import IdempotencyRequest
from ledger.application.interface.activities import activity_view
from ledger.application.mixins.platforms import PlatformCommands
from ledger.application.uow import Outcome, Write
from ledger.domain import ids
from ledger.domain.activity import Activity, Plan
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ActivityExistsError,
    ActivityNotFoundError,
    PlatformNotConnectedError,
    WrongPlatformKindError,
)
from ledger.domain.platform import Platform, PlatformKind


class ActivityCommands(PlatformCommands):
    def plan_activity(
        self,
        *,
        plan: Plan,
        meta: Envelope,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Plan an activity for the acting platform; its ``external_ref`` is planned once."""
        organiser_id = _acting_platform(meta)

        def decide(_: Activity | None) -> Activity:
            organiser = self.organising_platform(organiser_id)
            return Activity.plan_activity(
                organiser_id=organiser_id, organiser_kind=organiser.kind, plan=plan, meta=meta
            )

        return self.uow.run(
            Write(
                stream_id=ids.activity_id(organiser_id, plan.external_ref),
                aggregate_type=Activity,
                decide=decide,
                resource_type="activity",
                render=activity_view,
                not_found=ActivityNotFoundError,
                exists=ActivityExistsError,
            ),
            meta,
            idempotency,
        )

    def act_on_activity(
        self,
        activity_id: UUID,
        action: Callable[[Activity], None],
        *,
        meta: Envelope,
        expected_version: int | None = None,
        idempotency: IdempotencyRequest | None = None,
    ) -> Outcome:
        """Run one step (hold, evaluate, cancel) on an existing activity."""
        platform_id = _acting_platform(meta)
        acting_kind = self.get_platform(platform_id).kind

        def visible(activity: Activity) -> None:
            # A window reads only its own activities, so another's is reported as absent. The
            # hub reads every activity: acting on one it did not organise is a rule it breaks.
            if acting_kind is PlatformKind.WINDOW and activity.organiser_id != platform_id:
                raise ActivityNotFoundError(
                    f"No activity with id {activity_id}.", id=str(activity_id)
                )

        def decide(activity: Activity | None) -> Activity:
            if activity is None:
                raise ActivityNotFoundError(f"No activity with id {activity_id}.")
            self.organising_platform(platform_id)
            action(activity)
            return activity

        return self.uow.run(
            Write(
                stream_id=activity_id,
                aggregate_type=Activity,
                decide=decide,
                resource_type="activity",
                render=activity_view,
                not_found=ActivityNotFoundError,
                expected_version=expected_version,
                guard=visible,
            ),
            meta,
            idempotency,
        )

    def get_activity(self, activity_id: UUID, version: int | None = None) -> Activity:
        return self.load(activity_id, Activity, ActivityNotFoundError, "activity", version)

    def organising_platform(self, platform_id: UUID) -> Platform:
        """The hub or window that organises activities, refused unless it is connected."""
        platform = self.get_platform(platform_id)
        if not platform.is_connected:
            raise PlatformNotConnectedError(
                f"Platform {platform_id} is {platform.status}; only connected platforms organise "
                "activities."
            )
        return platform


def _acting_platform(meta: Envelope) -> UUID:
    if meta.platform_id is None:
        raise WrongPlatformKindError("Activities are organised by a hub or window platform.")
    return meta.platform_id
