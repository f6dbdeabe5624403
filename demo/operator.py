"""The hub's operating institution (Art. 6.1, 12, 13): at the start of the year the hub entrusts
its service hall and online platform to an operator for the year; once the year is closed a
panel of three experts appraises it (合格) and the hub renews the entrustment for the next year.

Drawn from a generator of its own (seeded from the demo's seed), so that adding this stage
leaves every other record of the demonstration network as it was; it is not an appraisal of the
appraisal engine, so the windows' appraisals and their counts are unchanged.
"""

from __future__ import annotations

import random
from datetime import date

from demo.names import uscc
from demo.world import DemoWorld
from ledger.application.commands.entrustments import (
    AcceptEntrustment,
    AppraiseOperator,
    MakeEntrustment,
    RenewEntrustment,
)
from ledger.domain.entrustment_terms import ExpertMarks, Term

OPERATOR_NAME = "宁夏中小企业公共服务运营有限公司"
STEPS = 3
"""The entrustment made and accepted, the operator appraised, the entrustment renewed."""


def seed_operator(demo: DemoWorld) -> None:
    """Entrust, appraise and renew (after the year's close and the windows' appraisals)."""
    rng = random.Random(f"{demo.seed}:operator")
    progress = demo.stage("operator", STEPS)
    year = demo.year
    document = demo.digest("entrustment", year)
    made = demo.handle(
        MakeEntrustment(
            external_ref=f"WT-YY-{year}-001", operator_name=OPERATOR_NAME,
            operator_uscc=uscc(rng, "640100"), scope="both",
            term=Term(date(year, 1, 1), date(year, 12, 31), document),
        ),
        demo.as_hub(demo.at(date(year, 1, 2))),
    ).resource_id  # fmt: skip
    demo.handle(
        AcceptEntrustment(entrustment_id=made, document_sha256=document),
        demo.as_hub(demo.at(date(year, 1, 3))),
    )
    progress.tick()
    panel = rng.sample([e.id for e in demo.experts], 3)
    appraisal = demo.handle(
        AppraiseOperator(
            entrustment_id=made, year=year,
            marks=tuple(
                ExpertMarks(expert, rng.randint(68, 86), rng.randint(68, 86), rng.randint(68, 86))
                for expert in panel
            ),
            note="服务大厅与线上平台运行平稳",
        ),
        demo.as_hub(demo.at(date(year + 1, 2, 12))),
    )  # fmt: skip
    demo.count(f"operator appraisals {appraisal.body['appraisals'][-1]['grade']}")
    progress.tick()
    demo.handle(
        RenewEntrustment(
            entrustment_id=made, ends_on=date(year + 1, 12, 31),
            document_sha256=demo.digest("entrustment", year + 1),
        ),
        demo.as_hub(demo.at(date(year + 1, 2, 14))),
    )  # fmt: skip
    demo.count("entrustments renewed")
    progress.tick()
    progress.finish()
