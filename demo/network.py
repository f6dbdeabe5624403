"""The network as it stood on 2 January: the hub, the windows migrated in as connected, the
cooperating institutions the hub registered, and the hub's expert pool."""

from __future__ import annotations

from datetime import date

from demo.names import (
    CITIES,
    CITY_CODES,
    EXPERT_ORGANISATIONS,
    EXPERT_TITLES,
    INSTITUTION_KINDS,
    unique_person,
    uscc,
)
from demo.world import DemoWorld, ExpertRef, InstitutionRef, Window
from ledger.application.commands.experts import RegisterExpert
from ledger.application.commands.participants import RegisterConnectedPlatform, RegisterInstitution
from ledger.domain.platform import PlatformKind
from ledger.domain.values import uscc_check_character

# Windows already connected when the ledger starts, by city; three more join through onboarding
# (demo.onboarding), so every city ends with at least two.
MIGRATED_WINDOWS = [("640100", 2), ("640200", 2), ("640300", 2), ("640400", 1), ("640500", 1)]
INSTITUTIONS = 20
EXPERTS = 15


def seed_network(demo: DemoWorld) -> None:
    progress = demo.stage("network", 1 + sum(n for _, n in MIGRATED_WINDOWS) + INSTITUTIONS)
    start = date(demo.year, 1, 2)
    # A public institution (登记管理部门 1, 机构类别 2): the SME service centre runs the hub.
    hub_uscc = "12640000" + "".join(demo.rng.choice("0123456789") for _ in range(9))
    hub_uscc += uscc_check_character(hub_uscc)
    hub = demo.handle(
        RegisterConnectedPlatform(
            kind=PlatformKind.HUB,
            name="宁夏中小企业公共服务平台网络枢纽平台",
            uscc=hub_uscc,
            region="640000",
        ),
        demo.as_admin(demo.at(start, 9)),
    )
    demo.hub_id = hub.resource_id
    demo.count("platforms")
    progress.tick()
    for city_code, how_many in MIGRATED_WINDOWS:
        city, districts = CITIES[city_code]
        for n in range(how_many):
            region = city_code if n == 0 else demo.rng.choice(districts)
            name = f"{city}市中小企业公共服务窗口平台" + ("" if n == 0 else f"（{n + 1}）")
            outcome = demo.handle(
                RegisterConnectedPlatform(
                    kind=PlatformKind.WINDOW, name=name, uscc=uscc(demo.rng, region), region=region
                ),
                demo.as_admin(demo.at(start, 9)),
            )
            code = f"{CITY_CODES[city_code]}{n + 1}"
            demo.windows.append(
                Window(outcome.resource_id, name, code, city_code, city, start, onboarded=False)
            )
            demo.count("platforms")
            progress.tick()
    kinds = sorted(INSTITUTION_KINDS)
    for n in range(INSTITUTIONS):
        city_code = demo.rng.choice(sorted(CITIES))
        city, districts = CITIES[city_code]
        kind = demo.rng.choice(kinds)
        offered = INSTITUTION_KINDS[kind]
        categories = sorted(demo.rng.sample(offered, k=demo.rng.randint(1, len(offered))))
        name = f"宁夏{city}{kind}服务中心（{n + 1:02d}）"
        outcome = demo.handle(
            RegisterInstitution(
                uscc=uscc(demo.rng, demo.rng.choice(districts)),
                name=name,
                region=city_code,
                categories=tuple(categories),
            ),
            demo.as_hub(demo.at(start, 11)),
        )
        demo.institutions.append(
            InstitutionRef(outcome.resource_id, name, kind, city_code, tuple(categories))
        )
        demo.count("institutions")
        progress.tick()
    progress.finish()


def seed_expert_pool(demo: DemoWorld) -> None:
    """The hub's expert pool (专家库), gathered in the first days of January."""
    progress = demo.stage("experts", EXPERTS)
    taken: set[str] = set()
    first_level = [c for c in demo.categories if len(c) == 2]
    for n in range(EXPERTS):
        name = unique_person(demo.rng, taken)
        fields = sorted(demo.rng.sample(first_level, k=demo.rng.randint(1, 3)))
        registered_on = demo.day_between(date(demo.year, 1, 3), date(demo.year, 1, 10))
        outcome = demo.handle(
            RegisterExpert(
                external_ref=f"ZJ-{demo.year}-{n + 1:03d}",
                name=name,
                fields=tuple(fields),
                organisation=demo.rng.choice(EXPERT_ORGANISATIONS),
                title=demo.rng.choice(EXPERT_TITLES),
            ),
            demo.as_hub(demo.at(registered_on, 15)),
        )
        demo.experts.append(ExpertRef(outcome.resource_id, name, tuple(fields)))
        demo.count("experts")
        progress.tick()
