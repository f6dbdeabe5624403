"""The register of complaints and violations (Art. 15): a handful of complaints reach the hub
during the year, against windows and an institution; one is upheld and its violation corrected,
one is dismissed, one is not upheld and one is still awaiting its subject's answer; the hub's
own inspection finds one more violation, corrected after the deadline.

Drawn from a generator of its own (seeded from the demo's seed), so that adding this stage
leaves every other record of the demonstration network as it was.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from uuid import UUID

from demo.world import DemoWorld, Window
from ledger.application.commands.complaints import (
    AcceptComplaint,
    ConcludeComplaint,
    DismissComplaint,
    LodgeComplaint,
    OrderCorrection,
    RecordCorrection,
    RecordViolation,
    RespondToComplaint,
)
from ledger.domain.complaint import ComplaintCategory
from ledger.domain.envelope import Envelope
from ledger.domain.violation import Severity

STEPS = 5
"""Four complaints and one inspection, each one tick of the stage's progress."""


class _Register:
    """The hub's register of one demonstration year, with its own generator and numbering."""

    def __init__(self, demo: DemoWorld) -> None:
        self.demo = demo
        self.rng = random.Random(f"{demo.seed}:complaints")
        self.numbers = {"TS": 0, "WG": 0}

    def reference(self, prefix: str) -> str:
        self.numbers[prefix] += 1
        return f"{prefix}-{self.demo.year}-{self.numbers[prefix]:04d}"

    def day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def later(self, day: date, least: int, most: int) -> date:
        return day + timedelta(days=self.rng.randint(least, most))

    def hub(self, day: date, hour: int = 10) -> Envelope:
        return self.demo.as_hub(self.demo.at(day, hour))

    def lodge(
        self, subject_id: UUID, category: ComplaintCategory, summary: str, day: date, *, named: bool
    ) -> UUID:
        """A complaint lodged on ``day``: by an enterprise of the network if ``named``, else on
        an unnamed caller's behalf."""
        demo = self.demo
        complainant = None
        if named:
            known = demo.enterprises_known(sorted({w.city_code for w in demo.windows}), day)
            complainant = known[self.rng.randrange(len(known))]
        lodging = LodgeComplaint(
            external_ref=self.reference("TS"),
            subject_id=subject_id,
            category=category,
            summary=summary,
            complainant_uscc=complainant,
            evidence_sha256=demo.digest("complaint", summary) if named else None,
        )
        demo.count("complaints")
        return demo.handle(lodging, self.hub(day)).resource_id

    def heard(self, complaint_id: UUID, subject: Envelope, statement: str, day: date) -> date:
        """Accepted on ``day`` and answered by ``subject`` some days later; the day answered."""
        demo = self.demo
        demo.handle(AcceptComplaint(complaint_id=complaint_id, note="受理"), self.hub(day))
        answered = self.later(day, 3, 10)
        demo.handle(
            RespondToComplaint(complaint_id=complaint_id, statement=statement),
            subject.at(demo.at(answered, 15)),
        )
        return answered


def seed_complaints(demo: DemoWorld) -> None:
    register = _Register(demo)
    progress = demo.stage("complaints", STEPS)
    year = demo.year
    windows = [w for w in demo.windows if not w.onboarded]
    first, second, third = register.rng.sample(windows, k=3)
    institution = demo.institutions[register.rng.randrange(len(demo.institutions))]

    _upheld(demo, register, first, register.day(date(year, 4, 1), date(year, 5, 31)))
    progress.tick()
    dismissed = register.lodge(
        second.id, ComplaintCategory.SERVICE_QUALITY, "来电反映：咨询电话多次无人接听",
        register.day(date(year, 6, 1), date(year, 6, 30)), named=False,
    )  # fmt: skip
    demo.handle(
        DismissComplaint(complaint_id=dismissed, reasons="经核实为系统维护期间，已提前公告"),
        register.hub(register.later(date(year, 7, 1), 1, 5)),
    )
    demo.count("complaints dismissed")
    progress.tick()
    lodged_on = register.day(date(year, 7, 1), date(year, 8, 31))
    not_upheld = register.lodge(
        institution.id, ComplaintCategory.CONDUCT, "服务人员态度生硬", lodged_on, named=True
    )
    as_institution = demo.as_institution(institution, demo.at(lodged_on))
    answered = register.heard(not_upheld, as_institution, "已调阅服务录音，服务用语规范", lodged_on)
    demo.handle(
        ConcludeComplaint(
            complaint_id=not_upheld, upheld=False, findings="服务过程规范，投诉不成立"
        ),
        register.hub(register.later(answered, 2, 7)),
    )
    progress.tick()
    pending_on = register.day(date(year, 12, 15), date(year, 12, 20))
    pending = register.lodge(
        third.id, ComplaintCategory.DATA, "服务记录中企业信息有误", pending_on, named=True
    )
    demo.handle(
        AcceptComplaint(complaint_id=pending, note="受理，待窗口说明"), register.hub(pending_on)
    )
    progress.tick()
    _inspection(demo, register, third, register.day(date(year, 9, 1), date(year, 9, 30)))
    progress.tick()
    progress.finish()


def _upheld(demo: DemoWorld, register: _Register, window: Window, lodged_on: date) -> None:
    """An upheld complaint about fees, its violation ordered corrected and corrected in time."""
    complaint_id = register.lodge(
        window.id, ComplaintCategory.FEES, "标注为公益的政策咨询被收取服务费", lodged_on, named=True
    )
    subject = demo.as_window(window, demo.at(lodged_on))
    answered = register.heard(complaint_id, subject, "经核查系误收，已退还企业", lodged_on)
    concluded_on = register.later(answered, 2, 7)
    demo.handle(
        ConcludeComplaint(complaint_id=complaint_id, upheld=True, findings="公益服务收费属实"),
        register.hub(concluded_on),
    )
    demo.count("complaints upheld")
    found = RecordViolation(
        external_ref=register.reference("WG"),
        subject_id=window.id,
        description="对公益服务收取费用，违反服务协议约定",
        severity=Severity.MINOR,
        complaint_id=complaint_id,
    )
    _corrected(demo, register, found, concluded_on, late=False)


def _inspection(demo: DemoWorld, register: _Register, window: Window, day: date) -> None:
    """The hub's inspection finds a serious violation, corrected after its deadline."""
    found = RecordViolation(
        external_ref=register.reference("WG"),
        subject_id=window.id,
        description="抽查发现服务台账缺失，部分服务记录无法追溯",
        severity=Severity.SERIOUS,
    )
    _corrected(demo, register, found, day, late=True)


def _corrected(
    demo: DemoWorld, register: _Register, found: RecordViolation, day: date, *, late: bool
) -> None:
    violation_id = demo.handle(found, register.hub(day, 14)).resource_id
    demo.count("violations")
    ordered_on = register.later(day, 1, 3)
    deadline = ordered_on + timedelta(days=30)
    demo.handle(
        OrderCorrection(
            violation_id=violation_id, action="限期整改并报送整改报告", deadline=deadline
        ),
        register.hub(ordered_on),
    )
    corrected_on = register.later(deadline, 3, 10) if late else register.later(ordered_on, 5, 25)
    demo.handle(
        RecordCorrection(violation_id=violation_id, note="整改报告已审核，复查通过"),
        register.hub(corrected_on),
    )
    demo.count("violations corrected")
