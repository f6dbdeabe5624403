"""Training of the network's service staff (Art. 6.7) and the service alliance (Art. 6.8)."""

from __future__ import annotations

from ledger.domain.errors.base import AlreadyExistsError, NotFoundError, RuleViolationError

__all__ = [
    "AllianceMembershipExistsError",
    "AllianceMembershipNotFoundError",
    "AllianceMembershipStepOutOfOrderError",
    "AlreadyAllianceActivityError",
    "InvalidAttendedHoursError",
    "InvalidMembershipDateError",
    "InvalidRosterError",
    "InvalidTrainingDatesError",
    "InvalidTrainingHoursError",
    "NotAllianceMemberError",
    "NotTrainingOrganiserError",
    "PersonalNumberRefusedError",
    "RosterUnchangedError",
    "TraineeNotOwnStaffError",
    "TrainingExistsError",
    "TrainingNotEndedError",
    "TrainingNotFoundError",
    "TrainingStepOutOfOrderError",
    "UnknownParticipantError",
]


class TrainingNotFoundError(NotFoundError):
    code = "training_not_found"
    title = "Training not found"


class AllianceMembershipNotFoundError(NotFoundError):
    code = "alliance_membership_not_found"
    title = "Alliance membership not found"


class TrainingExistsError(AlreadyExistsError):
    code = "training_exists"
    title = "Training already planned"


class AllianceMembershipExistsError(AlreadyExistsError):
    """A member joins once; one that left returns on its membership (``/return``)."""

    code = "alliance_membership_exists"
    title = "Alliance membership already recorded"


class NotTrainingOrganiserError(RuleViolationError):
    code = "not_training_organiser"
    title = "Not the organiser of the training"


class TrainingStepOutOfOrderError(RuleViolationError):
    code = "training_step_out_of_order"
    title = "Training step out of order"


class InvalidTrainingDatesError(RuleViolationError):
    code = "invalid_training_dates"
    title = "Invalid training dates"


class InvalidTrainingHoursError(RuleViolationError):
    code = "invalid_training_hours"
    title = "Invalid training hours"


class TrainingNotEndedError(RuleViolationError):
    """A roster records who attended: it is recorded once the training is over."""

    code = "training_not_ended"
    title = "Training not yet ended"


class InvalidRosterError(RuleViolationError):
    code = "invalid_roster"
    title = "Invalid roster"


class InvalidAttendedHoursError(RuleViolationError):
    code = "invalid_attended_hours"
    title = "Invalid hours attended"


class TraineeNotOwnStaffError(RuleViolationError):
    """A window trains its own staff; the hub trains the whole network's."""

    code = "trainee_not_own_staff"
    title = "Trainee is not the organiser's staff"


class PersonalNumberRefusedError(RuleViolationError):
    """A roster keeps a trainee's name and role only: no telephone or identity number."""

    code = "personal_number_refused"
    title = "Personal number refused"


class RosterUnchangedError(RuleViolationError):
    code = "roster_unchanged"
    title = "Roster unchanged"


class UnknownParticipantError(RuleViolationError):
    code = "unknown_participant"
    title = "Unknown participant"


class AllianceMembershipStepOutOfOrderError(RuleViolationError):
    code = "alliance_membership_step_out_of_order"
    title = "Alliance membership step out of order"


class InvalidMembershipDateError(RuleViolationError):
    code = "invalid_membership_date"
    title = "Invalid membership date"


class NotAllianceMemberError(RuleViolationError):
    code = "not_alliance_member"
    title = "Not a member of the alliance"


class AlreadyAllianceActivityError(RuleViolationError):
    code = "already_alliance_activity"
    title = "Already an alliance activity"
