"""Training of service staff (Art. 6.7) and the service alliance (Art. 6.8): the hub, the windows
that served the whole year and some institutions form the alliance in January (one institution
leaves in September), one window's activity is marked as an alliance activity, and the hub and a
window train staff: rosters with passes, failures and an absence, one amended, one training
still open at the year's end and one cancelled.

Drawn from a generator of its own (seeded from the demo's seed), so that adding this stage
leaves every other record of the demonstration network as it was.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from demo.names import PERSON_GIVEN, PERSON_SURNAMES
from demo.world import DemoWorld, Window
from ledger.application.commands.activities import MarkAllianceActivity
from ledger.application.commands.training import (
    AmendRoster,
    CancelTraining,
    CloseTraining,
    JoinAlliance,
    LeaveAlliance,
    PlanTraining,
    RecordRoster,
    RosterEntry,
)
from ledger.domain import ids
from ledger.domain.activity import Activity, ActivityStatus
from ledger.domain.envelope import Envelope
from ledger.domain.training import TraineeResult, TrainingCategory

STEPS = 6
"""The alliance, its activity, and four trainings, each one tick of the stage's progress."""
ROLES = ["服务专员", "咨询顾问", "项目经理", "平台运营主管", "数据管理员", "服务部主任"]


class _Trainer:
    """The stage's own generator, references and people."""

    def __init__(self, demo: DemoWorld) -> None:
        self.demo = demo
        self.rng = random.Random(f"{demo.seed}:training")
        self.number = 0

    def reference(self, prefix: str) -> str:
        self.number += 1
        return f"{prefix}-{self.demo.year}-{self.number:03d}"

    def person(self) -> str:
        return self.rng.choice(PERSON_SURNAMES) + "".join(
            self.rng.choices(PERSON_GIVEN, k=self.rng.randint(1, 2))
        )

    def staff(self, participant_id: UUID, how_many: int, hours: Decimal) -> list[RosterEntry]:
        """``how_many`` of ``participant_id``'s staff, most passing, some failing or absent."""
        entries = []
        for _ in range(how_many):
            result = self.rng.choices(list(TraineeResult), weights=[85, 10, 5])[0]
            attended = Decimal(0) if result is TraineeResult.ABSENT else hours
            if result is TraineeResult.FAILED:
                attended = hours - Decimal(self.rng.randint(1, 3))
            entries.append(
                RosterEntry(
                    participant_id=participant_id,
                    name=self.person(),
                    role=self.rng.choice(ROLES),
                    hours=attended,
                    result=result,
                )
            )
        return entries


def seed_training(demo: DemoWorld) -> None:
    trainer = _Trainer(demo)
    progress = demo.stage("training and alliance", STEPS)
    rng, year = trainer.rng, demo.year
    windows = [w for w in demo.windows if not w.onboarded]
    institutions = rng.sample(demo.institutions, k=min(6, len(demo.institutions)))

    _alliance(demo, trainer, windows, [i.id for i in institutions])
    progress.tick()
    _alliance_activity(demo, windows)
    progress.tick()

    hub = demo.as_hub
    trained = rng.sample(windows, k=min(4, len(windows)))
    hours = Decimal(12)
    roster = [e for w in trained for e in trainer.staff(w.id, 2, hours)]
    roster += [e for i in institutions[:2] for e in trainer.staff(i.id, 1, hours)]
    _held(demo, trainer, hub, f"{year}年平台网络服务人员政策业务培训", TrainingCategory.POLICY,
          date(year, 4, 15), 2, hours, roster, closed=True)  # fmt: skip
    progress.tick()

    hours = Decimal(6)
    signed_late = [*trainer.staff(windows[0].id, 1, hours), *trainer.staff(windows[1].id, 1, hours)]
    first = signed_late[0]
    absent = RosterEntry(participant_id=first.participant_id, name=first.name, role=first.role,
                         hours=Decimal(0), result=TraineeResult.ABSENT)  # fmt: skip
    others = [e for w in windows[2:] for e in trainer.staff(w.id, 1, hours)]
    training_id = _held(demo, trainer, hub, "平台网络信息安全与数据保护培训",
                        TrainingCategory.INFORMATION_SECURITY, date(year, 8, 20), 1, hours,
                        [absent, *signed_late[1:], *others], closed=False)  # fmt: skip
    # The first trainee, recorded absent, had signed in late: the roster is corrected.
    demo.handle(
        AmendRoster(
            training_id=training_id,
            roster=(*signed_late, *others),
            reasons="签到表补录：该学员迟到签到，实际全程参训",
        ),
        hub(demo.at(date(year, 8, 23), 11)),
    )
    demo.count("rosters amended")
    demo.handle(CloseTraining(training_id=training_id), hub(demo.at(date(year, 8, 28), 16)))
    progress.tick()

    window = rng.choice(windows)
    hours = Decimal(4)
    _held(demo, trainer, lambda at: demo.as_window(window, at), f"{window.name}服务人员业务培训",
          TrainingCategory.SERVICE_SKILLS, date(year, 11, 18), 1, hours,
          trainer.staff(window.id, 3, hours), closed=False)  # fmt: skip
    progress.tick()

    cancelled = demo.handle(
        PlanTraining(
            external_ref=trainer.reference("PX"),
            title="服务数据报送业务培训",
            category=TrainingCategory.DATA_REPORTING,
            starts_on=date(year, 12, 10),
            ends_on=date(year, 12, 10),
            hours=Decimal(3),
        ),
        hub(demo.at(date(year, 11, 20))),
    ).resource_id
    demo.handle(
        CancelTraining(training_id=cancelled, reasons="与年度数据报送检查时间冲突，并入明年计划"),
        hub(demo.at(date(year, 12, 1))),
    )
    demo.count("trainings")
    demo.count("trainings cancelled")
    progress.tick()
    progress.finish()


def _alliance(
    demo: DemoWorld, trainer: _Trainer, windows: Sequence[Window], institutions: Sequence[UUID]
) -> None:
    """The hub, the windows that served the whole year and some institutions join on 2 January;
    one institution leaves on 1 October."""
    joined_on = date(demo.year, 1, 2)
    for member_id in [demo.hub_id, *(w.id for w in windows), *institutions]:
        demo.handle(
            JoinAlliance(member_id=member_id, joined_on=joined_on, note="联盟首批成员单位"),
            demo.as_hub(demo.at(joined_on, 9)),
        )
        demo.count("alliance members")
    leaving = trainer.rng.choice(institutions)
    demo.handle(
        LeaveAlliance(
            membership_id=ids.alliance_membership_id(leaving),
            left_on=date(demo.year, 10, 1),
            reasons="机构业务调整，申请退出联盟",
        ),
        demo.as_hub(demo.at(date(demo.year, 9, 20))),
    )
    demo.count("alliance members left")


def _alliance_activity(demo: DemoWorld, windows: Sequence[Window]) -> None:
    """The first activity (by its reference) of the first window that held one is marked as an
    alliance activity, on its first day."""
    for window in windows:
        for n in range(1, 100):
            found = demo.ledger.find(ids.activity_id(window.id, f"HD-{window.code}-{n:03d}"))
            if not isinstance(found, Activity):
                break
            if found.status is ActivityStatus.CANCELLED or found.plan is None:
                continue
            demo.handle(
                MarkAllianceActivity(activity_id=found.id, note="联盟成员单位交流活动"),
                demo.as_hub(demo.at(found.plan.starts_on, 18)),
            )
            demo.count("alliance activities")
            return


def _held(
    demo: DemoWorld,
    trainer: _Trainer,
    organiser: Callable[[datetime], Envelope],
    title: str,
    category: TrainingCategory,
    starts_on: date,
    days: int,
    hours: Decimal,
    roster: Sequence[RosterEntry],
    *,
    closed: bool,
) -> UUID:
    """A training planned three weeks ahead, its roster recorded on its last day, and closed a
    few days later if ``closed``."""
    ends_on = starts_on + timedelta(days=days - 1)
    training_id = demo.handle(
        PlanTraining(
            external_ref=trainer.reference("PX"),
            title=title,
            category=category,
            starts_on=starts_on,
            ends_on=ends_on,
            hours=hours,
        ),
        organiser(demo.at(starts_on - timedelta(days=21))),
    ).resource_id
    demo.handle(
        RecordRoster(training_id=training_id, roster=tuple(roster)),
        organiser(demo.at(ends_on, 17)),
    )
    demo.count("trainings")
    demo.count("trainees", len(roster))
    if closed:
        demo.handle(
            CloseTraining(training_id=training_id, note="名单核对无误，归档"),
            organiser(demo.at(ends_on + timedelta(days=trainer.rng.randint(2, 6)), 15)),
        )
    return training_id
