"""The platforms' information security files over the year: the hub graded at level 3 and
every window at level 2, the bureau's inspection of the hub and the hub's of some windows
(findings rectified on time, and once late), and an incident handled.

Drawn from a generator of its own, so the rest of the demonstration network stays as it was.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from demo.world import DemoWorld, Window
from ledger.application.commands.security import (
    CloseIncident,
    GradeSecurity,
    RecordInspection,
    RectifyFindings,
    ReportIncident,
)

WINDOW_FINDINGS = (
    "后台管理账户未启用双因素认证",
    "服务器日志留存不足六个月",
    "数据库备份未做异地存放",
    "门户网站使用的组件存在已知漏洞",
)


def seed_security(demo: DemoWorld) -> None:
    rng = random.Random(f"{demo.seed}:security")
    progress = demo.stage("security", 1 + len(demo.windows))
    hub, year = demo.hub_id, demo.year
    graded = date(year, 2, 20)
    demo.handle(
        GradeSecurity(
            platform_id=hub, level=3, filing_number=f"64000099001-{year % 100:02d}001",
            next_review_on=date(year + 1, 2, 20), occurred_at=demo.at(graded),
        ),
        demo.as_hub(demo.at(graded)),
    )  # fmt: skip
    inspected = date(year, 6, 12)
    demo.handle(
        RecordInspection(
            platform_id=hub, findings=("安全管理制度未覆盖外包运维人员",),
            deadline=date(year, 7, 31), occurred_at=demo.at(inspected),
        ),
        demo.as_bureau(demo.at(inspected)),
    )  # fmt: skip
    demo.handle(
        RectifyFindings(
            platform_id=hub, number=1, note="修订外包运维管理制度并完成培训",
            occurred_at=demo.at(date(year, 7, 20)),
        ),
        demo.as_hub(demo.at(date(year, 7, 20))),
    )  # fmt: skip
    demo.count("security records", 3)
    progress.tick()
    for n, window in enumerate(demo.windows):
        day = max(window.active_from, date(year, 3, 1)) + timedelta(days=rng.randint(0, 20))
        if day > date(year, 11, 30):  # connected too late in the year to have been graded
            progress.tick()
            continue
        demo.handle(
            GradeSecurity(
                platform_id=window.id, level=2, filing_number="",
                next_review_on=day + timedelta(days=730), occurred_at=demo.at(day),
            ),
            demo.as_window(window, demo.at(day)),
        )  # fmt: skip
        demo.count("security records")
        if n % 4 == 1:
            _inspect(demo, rng, window, late=n == 1)
        if n == 2:
            _incident(demo, window)
        progress.tick()


def _inspect(demo: DemoWorld, rng: random.Random, window: Window, *, late: bool) -> None:
    year = demo.year
    start = max(date(year, 9, 10), window.active_from + timedelta(days=10))
    day = start + timedelta(days=rng.randint(0, 10))
    findings = tuple(rng.sample(WINDOW_FINDINGS, 2))
    deadline = day + timedelta(days=45)
    demo.handle(
        RecordInspection(
            platform_id=window.id, findings=findings, deadline=deadline,
            occurred_at=demo.at(day),
        ),
        demo.as_hub(demo.at(day)),
    )  # fmt: skip
    fixed = deadline + timedelta(days=12 if late else -10)
    demo.handle(
        RectifyFindings(
            platform_id=window.id, number=1, note="已整改并复核",
            occurred_at=demo.at(fixed),
        ),
        demo.as_window(window, demo.at(fixed)),
    )  # fmt: skip
    demo.count("security records", 2)


def _incident(demo: DemoWorld, window: Window) -> None:
    day = date(demo.year, 8, 6)
    demo.handle(
        ReportIncident(
            platform_id=window.id, severity="general",
            summary="门户网站遭受批量扫描探测，未造成数据泄露", occurred_at=demo.at(day, 9),
        ),
        demo.as_window(window, demo.at(day, 9)),
    )  # fmt: skip
    closed = day + timedelta(days=3)
    demo.handle(
        CloseIncident(
            platform_id=window.id, number=1, measures="封禁来源地址，升级防火墙规则",
            reported_to="", occurred_at=demo.at(closed),
        ),
        demo.as_window(window, demo.at(closed)),
    )  # fmt: skip
    demo.count("security records", 2)
