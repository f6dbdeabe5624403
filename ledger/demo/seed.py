"""Seeding the demonstration network, one stage at a time, through the application layer."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from uuid import UUID

from ledger import reference
from ledger.application import LedgerApplication
from ledger.demo.names import CITIES, enterprise_name, person, uscc
from ledger.domain.access_key import Role
from ledger.domain.platform import PlatformKind
from ledger.domain.service_case import (
    CST,
    Assignment,
    Channel,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
    ServiceCase,
)
from ledger.envelope import Envelope
from ledger.errors import LedgerError
from ledger.values import uscc_check_character

Progress = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as the seeding goes."""


class DemoAlreadySeededError(LedgerError):
    code = "demo_already_seeded"
    title = "Demonstration network already seeded"


@dataclass
class DemoReport:
    """What was seeded, and keys to explore it with (shown once)."""

    seed: int
    year: int
    counts: dict[str, int] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    head: int = 0


@dataclass(frozen=True)
class _Window:
    id: UUID
    name: str
    city_code: str
    city: str


def _noop(_stage: str, _done: int, _total: int) -> None:
    return None


class _Seeder:
    def __init__(
        self, ledger: LedgerApplication, seed: int, year: int, scale: float, progress: Progress
    ):
        self.ledger = ledger
        self.scale = scale
        self.rng = random.Random(seed)
        self.seed = seed
        self.year = year
        self.progress = progress
        self.report = DemoReport(seed=seed, year=year)
        self.hub_id: UUID | None = None
        self.windows: list[_Window] = []
        self.enterprises: dict[str, list[str]] = {code: [] for code in CITIES}
        self.categories = sorted(reference.categories())

    # --- time ---------------------------------------------------------------------------------

    def at(self, day: date, hour: int = 10, minute: int = 0) -> datetime:
        """A business time on ``day`` in Ningxia, as UTC."""
        return datetime.combine(day, time(hour, minute), tzinfo=CST).astimezone(UTC)

    def day_of_year(self, first: int = 0, last: int = 364) -> date:
        return date(self.year, 1, 1) + timedelta(days=self.rng.randint(first, last))

    def meta(self, occurred_at: datetime, platform_id: UUID | None = None) -> Envelope:
        correlation = f"demo-{self.seed}"
        return Envelope("demo:seed", platform_id, correlation, correlation, occurred_at)

    def count(self, kind: str, n: int = 1) -> None:
        self.report.counts[kind] = self.report.counts.get(kind, 0) + n

    # --- stages -------------------------------------------------------------------------------

    def run(self) -> DemoReport:
        # A public institution (登记管理部门 1, 机构类别 2): the SME service centre runs the hub.
        hub_uscc = "12640000" + "".join(self.rng.choice("0123456789") for _ in range(9))
        hub_uscc += uscc_check_character(hub_uscc)
        self.network(hub_uscc)
        self.enterprises_stage()
        self.cases_stage()
        self.standing_stage()
        self.keys_stage()
        self.report.head = self.ledger.head_position()
        return self.report

    def network(self, hub_uscc: str) -> None:
        start = self.at(date(self.year, 1, 2), 9)
        stage = "network"
        self.progress(stage, 0, 1)
        hub = self.ledger.register_connected_platform(
            kind=PlatformKind.HUB,
            name="宁夏中小企业公共服务平台网络枢纽平台",
            uscc=hub_uscc,
            region="640000",
            meta=self.meta(start),
        )
        self.hub_id = hub.resource_id
        self.count("platforms")
        window_plan = [("640100", 3), ("640200", 2), ("640300", 2), ("640400", 2), ("640500", 2)]
        for city_code, how_many in window_plan:
            city, districts = CITIES[city_code]
            for n in range(how_many):
                region = city_code if n == 0 else self.rng.choice(districts)
                name = f"{city}市中小企业公共服务窗口平台" + ("" if n == 0 else f"（{n + 1}）")
                outcome = self.ledger.register_connected_platform(
                    kind=PlatformKind.WINDOW,
                    name=name,
                    uscc=uscc(self.rng, region),
                    region=region,
                    meta=self.meta(start),
                )
                self.windows.append(_Window(outcome.resource_id, name, city_code, city))
                self.count("platforms")
        hub_meta = self.meta(start, self.hub_id)
        for n in range(20):
            city_code = self.rng.choice(list(CITIES))
            city, districts = CITIES[city_code]
            kind = self.rng.choice(["科技咨询", "知识产权", "会计", "律师", "检验检测", "培训"])
            self.ledger.register_institution(
                uscc=uscc(self.rng, self.rng.choice(districts)),
                name=f"宁夏{city}{kind}服务中心（{n + 1:02d}）",
                region=city_code,
                categories=self.rng.sample(self.categories, k=self.rng.randint(1, 3)),
                meta=hub_meta,
            )
            self.count("institutions")
        self.progress(stage, 1, 1)

    def enterprises_stage(self) -> None:
        stage = "enterprises"
        total = max(len(self.windows), round(1200 * self.scale))
        industries = ["industry", "industry", "retail", "software_it", "wholesale"]
        for n in range(total):
            window = self.windows[n % len(self.windows)]
            city, districts = CITIES[window.city_code]
            region = self.rng.choice(districts)
            industry = self.rng.choice(industries)
            code = uscc(self.rng, region)
            employees = int(self.rng.lognormvariate(3.3, 1.1))
            revenue = Decimal(int(self.rng.lognormvariate(6.5, 1.4))).quantize(Decimal("0.01"))
            self.ledger.register_enterprise(
                uscc=code,
                name=enterprise_name(self.rng, city, industry),
                region=region,
                industry=industry,
                employees=employees,
                revenue_wan=revenue,
                meta=self.meta(self.at(date(self.year, 1, 3)), window.id),
            )
            self.enterprises[window.city_code].append(code)
            self.count("enterprises")
            if n % 50 == 0 or n == total - 1:
                self.progress(stage, n + 1, total)

    def cases_stage(self) -> None:
        stage = "service cases"
        plan = [(w, max(1, round(self.rng.randint(220, 380) * self.scale))) for w in self.windows]
        total = sum(n for _, n in plan)
        done = 0
        for window, how_many in plan:
            for n in range(how_many):
                self.one_case(window, n)
                done += 1
                if done % 50 == 0 or done == total:
                    self.progress(stage, done, total)

    def one_case(self, window: _Window, n: int) -> None:
        opened_on = self.day_of_year(3, 350)
        opened = self.meta(self.at(opened_on, self.rng.randint(8, 12)), window.id)
        delivered_on = opened_on + timedelta(days=self.rng.randint(0, 12))
        delivered = opened.at(self.at(delivered_on, 16))
        fee_type = self.rng.choices(
            [FeeType.FREE, FeeType.DISCOUNTED, FeeType.PAID], weights=[45, 35, 20]
        )[0]
        amount = (
            Decimal(0)
            if fee_type is FeeType.FREE
            else Decimal(self.rng.randrange(200, 8000, 50)).quantize(Decimal("0.01"))
        )
        roll = self.rng.random()
        steps: list[Callable[[ServiceCase], None]] = []
        assignment = Assignment(ProviderKind.EXPERT, f"{person(self.rng)}（专家）")
        steps.append(lambda case: case.assign(assignment, opened))
        if roll >= 0.06:  # most cases are delivered
            delivery = Delivery(delivered_on, self.rng.choice(list(DeliveryMode)), fee_type, amount)
            steps.append(lambda case: case.deliver(delivery, delivered))
            if roll >= 0.15:  # most delivered cases get feedback
                satisfaction = self.rng.choices([5, 4, 3, 2, 1], weights=[50, 32, 11, 5, 2])[0]
                feedback = Feedback(satisfaction, "")
                steps.append(lambda case: case.record_feedback(feedback, delivered))
        outcome = self.ledger.open_case(
            external_ref=f"DEMO-{window.id.hex[:6]}-{n:05d}",
            uscc=self.rng.choice(self.enterprises[window.city_code]),
            category=self.rng.choice(self.categories),
            channel=self.rng.choice(list(Channel)),
            description="",
            meta=opened,
            then=steps,
        )
        self.count("service cases")
        if roll < 0.03:
            self.ledger.act_on_case(
                outcome.resource_id,
                lambda case: case.cancel("企业撤回需求", opened),
                meta=opened,
            )
        elif roll >= 0.2:
            closed = delivered.at(self.at(delivered_on + timedelta(days=3), 11))
            self.ledger.act_on_case(
                outcome.resource_id, lambda case: case.close("", closed), meta=closed
            )

    def standing_stage(self) -> None:
        """An excellent window gets priority support; a weak one is ordered to rectify."""
        hub = self.meta(self.at(date(self.year, 12, 20)), self.hub_id)
        best, weakest = self.windows[0], self.windows[-1]
        self.ledger.change_standing(
            "platform",
            best.id,
            lambda p: p.grant_priority_support(
                year=self.year + 1, citation=f"{self.year}年度绩效考核：优秀", note="", meta=hub
            ),
            meta=hub,
        )
        self.ledger.change_standing(
            "platform",
            weakest.id,
            lambda p: p.order_rectification(
                deadline=date(self.year + 1, 3, 31),
                reasons="服务数据报送不及时",
                citation=f"{self.year}年度绩效考核：不合格",
                meta=hub,
            ),
            meta=hub,
        )

    def keys_stage(self) -> None:
        setup = self.meta(datetime.now(UTC))
        if self.hub_id is not None:
            self.report.keys["hub"] = self.ledger.issue_key(
                role=Role.HUB, platform_id=self.hub_id, name="demo hub", meta=setup
            ).secret
        for role in (Role.BUREAU, Role.AUDITOR):
            self.report.keys[role.value] = self.ledger.issue_key(
                role=role, platform_id=None, name=f"demo {role.value}", meta=setup
            ).secret
        window = self.windows[0]
        self.report.keys[f"window ({window.name})"] = self.ledger.issue_key(
            role=Role.WINDOW, platform_id=window.id, name="demo window", meta=setup
        ).secret


def seed_demo(
    ledger: LedgerApplication,
    *,
    seed: int = 2026,
    year: int = 2025,
    scale: float = 1.0,
    progress: Progress = _noop,
) -> DemoReport:
    """Seed the demonstration network into an empty ledger (it may hold its first admin key).

    ``scale`` shrinks or grows the number of enterprises and cases (1.0: 1,200 enterprises and
    about 3,500 cases); the network itself (hub, 11 windows, 20 institutions) is always whole.
    """
    if ledger.list_platforms():
        raise DemoAlreadySeededError(
            "This ledger already has platforms; seed the demonstration into an empty ledger "
            "(e.g. LEDGER_DATABASE_URL=sqlite:///./var/demo.sqlite)."
        )
    return _Seeder(ledger, seed, year, scale, progress).run()
