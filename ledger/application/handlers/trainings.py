"""Trainings of service staff (Art. 6.7): planned by a connected hub or window, which alone
records its roster, amends, closes or cancels it.

The hub, the bureau and auditors see every training. A window sees the trainings it organised
and those whose roster names its staff; an institution, those whose roster names its staff. Any
other does not exist for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ledger.application.capability import Capability, View, acts, creates
from ledger.application.commands.training import (
    AmendRoster,
    CancelTraining,
    CloseTraining,
    PlanTraining,
    RecordRoster,
    RosterEntry,
)
from ledger.application.context import Principal
from ledger.application.interface.training import training_view
from ledger.application.lookups import Lookups, acting_platform
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.domain.errors import TrainingExistsError, TrainingNotFoundError
from ledger.domain.training import Trainee, Training

_ORGANISERS_ONLY = "Trainings are organised by the hub, or by a window for its own staff."
_STAFF_ROLES = (Role.WINDOW, Role.INSTITUTION)


def sees(principal: Principal, training: Training) -> bool:
    """Whether ``principal`` may read ``training``."""
    if principal.role not in _STAFF_ROLES:
        return True
    mine = principal.platform_id
    return mine is not None and (mine == training.organiser_id or mine in training.participant_ids)


class Trainings(Capability[Training]):
    aggregate = Training
    resource_type = "training"
    label = "training"
    not_found = TrainingNotFoundError
    target = "training_id"

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def view(self, aggregate: Training, on: date) -> View:
        return training_view(aggregate)

    def visible(self, aggregate: Training, principal: Principal) -> bool:
        return sees(principal, aggregate)

    # --- commands --------------------------------------------------------------------------

    @creates(PlanTraining, exists=TrainingExistsError)
    def plan(self, command: PlanTraining, meta: Envelope) -> Training:
        organiser_id = acting_platform(meta, _ORGANISERS_ONLY)
        organiser = self.lookups.organising_platform(organiser_id)
        return Training.plan(
            organiser_id=organiser_id,
            organiser_kind=organiser.kind,
            external_ref=command.external_ref,
            title=command.title,
            category=command.category,
            starts_on=command.starts_on,
            ends_on=command.ends_on,
            hours=command.hours,
            meta=meta,
        )

    @acts(RecordRoster)
    def record_roster(self, training: Training, command: RecordRoster, meta: Envelope) -> None:
        training.record_roster(self._roster(command.roster), meta)

    @acts(AmendRoster)
    def amend_roster(self, training: Training, command: AmendRoster, meta: Envelope) -> None:
        training.amend_roster(self._roster(command.roster), command.reasons, meta)

    @acts(CloseTraining)
    def close(self, training: Training, command: CloseTraining, meta: Envelope) -> None:
        training.close(command.note, meta)

    @acts(CancelTraining)
    def cancel(self, training: Training, command: CancelTraining, meta: Envelope) -> None:
        training.cancel(command.reasons, meta)

    # --- internals -------------------------------------------------------------------------

    def _roster(self, entries: Sequence[RosterEntry]) -> list[Trainee]:
        """The entries, each naming a platform's or an institution's staff."""
        kinds = {}
        for entry in entries:
            if entry.participant_id not in kinds:
                kinds[entry.participant_id] = self.lookups.network_participant(
                    entry.participant_id, "a trainee is staff of the network"
                )
        return [
            Trainee(e.participant_id, kinds[e.participant_id], e.name, e.role, e.hours, e.result)
            for e in entries
        ]
