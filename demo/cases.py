"""The enterprises the windows serve and a year of their service cases.

A share of the cases is assigned to a cooperating institution, named by id, always one with an
agreement in force with the case's window on the delivery day and covering the case's category
(the delivery rule); the others go to experts of the hub's pool, by name.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from demo.names import CITIES, enterprise_name, person, uscc
from demo.world import DemoWorld, Window
from ledger.application.commands.cases import (
    Assign,
    Cancel,
    CaseStep,
    Close,
    Deliver,
    GiveFeedback,
    OpenCase,
    StepCase,
)
from ledger.application.commands.participants import (
    EraseEnterpriseContact,
    RecordEnterpriseContact,
    RegisterEnterprise,
)
from ledger.domain import ids, reference
from ledger.domain.agreement import Agreement
from ledger.domain.service_case import (
    Channel,
    Delivery,
    DeliveryMode,
    Feedback,
    FeeType,
    ProviderKind,
)

ENTERPRISES = 1200
INDUSTRIES = ["industry", "industry", "retail", "software_it", "wholesale"]
FEE_WEIGHTS = {FeeType.FREE: 45, FeeType.DISCOUNTED: 35, FeeType.PAID: 20}
INSTITUTION_SHARE = 0.4
"""Of the cases that could go to an institution (one is under agreement that day), how many do."""


def seed_enterprises(demo: DemoWorld) -> None:
    """Migrated windows bring their enterprises on 3 January; onboarded ones after connecting."""
    total = max(len(demo.windows), round(ENTERPRISES * demo.scale))
    progress = demo.stage("enterprises", total)
    for n in range(total):
        window = demo.windows[n % len(demo.windows)]
        city, districts = CITIES[window.city_code]
        region = demo.rng.choice(districts)
        industry = demo.rng.choice(INDUSTRIES)
        code = uscc(demo.rng, region)
        employees = int(demo.rng.lognormvariate(3.3, 1.1))
        revenue = Decimal(int(demo.rng.lognormvariate(6.5, 1.4))).quantize(Decimal("0.01"))
        registered_on = (
            demo.days_later(window.active_from, 1, 20)
            if window.onboarded
            else date(demo.year, 1, 3)
        )
        demo.handle(
            RegisterEnterprise(
                uscc=code,
                name=enterprise_name(demo.rng, city, industry),
                region=region,
                industry=industry,
                employees=employees,
                revenue_wan=revenue,
            ),
            demo.as_window(window, demo.at(registered_on)),
        )
        demo.add_enterprise(window.city_code, registered_on, code)
        demo.count("enterprises")
        if n % CONTACT_EVERY == 0:
            seed_contact(demo, window, code, registered_on, erase=n == 0)
        progress.tick()


CONTACT_EVERY = 6
"""One enterprise in so many gives its window a contact person (sealed; the first one later
asks for it to be erased)."""


def seed_contact(demo: DemoWorld, window: Window, code: str, on: date, *, erase: bool) -> None:
    """A contact person for enterprise ``code``, drawn from its own generator (so the rest of
    the network stays as it was); with ``erase``, erased at the enterprise's request."""
    rng = random.Random(f"{demo.seed}:{code}")
    enterprise_id = ids.enterprise_id(code)
    demo.handle(
        RecordEnterpriseContact(
            enterprise_id=enterprise_id,
            name=person(rng),
            phone=f"139{rng.randrange(10**8):08d}",
        ),
        demo.as_window(window, demo.at(on, 11)),
    )
    demo.count("contact persons")
    if erase:
        demo.handle(
            EraseEnterpriseContact(
                enterprise_id=enterprise_id,
                ground="consent_withdrawn",
                reason="企业书面申请删除联系人信息",
            ),
            demo.as_window(window, demo.at(on + timedelta(days=45), 15)),
        )
        demo.count("contact persons erased")


def seed_cases(demo: DemoWorld) -> None:
    year_days = (demo.last_day - demo.first_day).days + 1
    plan = []
    for window in demo.windows:
        active_share = (demo.last_day - window.active_from).days / year_days
        base = demo.rng.randint(220, 380) * demo.scale * active_share
        plan.append((window, max(1, round(base))))
    progress = demo.stage("service cases", sum(n for _, n in plan))
    for window, how_many in plan:
        for n in range(how_many):
            _one_case(demo, window, n)
            progress.tick()


def _one_case(demo: DemoWorld, window: Window, n: int) -> None:
    rng = demo.rng
    # Opened by mid-December, so that delivery and closure fall inside the year too.
    first = max(window.active_from, date(demo.year, 1, 3)) + timedelta(days=1)
    opened_on = demo.day_between(first, date(demo.year, 12, 12))
    opened = demo.as_window(window, demo.at(opened_on, rng.randint(8, 12)))
    delivered_on = demo.days_later(opened_on, 0, 12)
    delivered = opened.at(demo.at(delivered_on, 16))
    (fee_type,) = rng.choices(list(FEE_WEIGHTS), weights=list(FEE_WEIGHTS.values()))
    amount = (
        Decimal(0)
        if fee_type is FeeType.FREE
        else Decimal(rng.randrange(200, 8000, 50)).quantize(Decimal("0.01"))
    )
    uscc_code = demo.an_enterprise(window.city_code, opened_on)
    roll = rng.random()
    steps: list[CaseStep] = []
    agreement = _institution_for(demo, window, delivered_on)
    if agreement is not None:
        category = _category_in(demo, agreement, delivered_on)
        institution_id = agreement.other_party(window.id).id
        steps.append(Assign(provider_kind=ProviderKind.INSTITUTION, provider_id=institution_id))
    else:
        category = rng.choice(demo.categories)
        expert = _expert_for(demo, category)
        steps.append(Assign(provider_kind=ProviderKind.EXPERT, provider_name=expert))
    delivered_case = roll >= 0.06  # most cases are delivered
    if delivered_case:
        delivery = Delivery(delivered_on, rng.choice(list(DeliveryMode)), fee_type, amount)
        steps.append(Deliver(delivery=delivery, occurred_at=delivered.occurred_at))
        if roll >= 0.15:  # most delivered cases get feedback
            satisfaction = rng.choices([5, 4, 3, 2, 1], weights=[50, 32, 11, 5, 2])[0]
            feedback = Feedback(satisfaction, "")
            steps.append(GiveFeedback(feedback=feedback, occurred_at=delivered.occurred_at))
    opening = OpenCase(
        external_ref=f"DEMO-{window.code}-{n:05d}",
        uscc=uscc_code,
        category=category,
        channel=rng.choice(list(Channel)),
        description="",
        then=tuple(steps),
    )
    outcome = demo.handle(opening, opened)
    demo.count("service cases")
    if agreement is not None:
        demo.count("cases served by institutions")
    tally = demo.tally(window.id, opened_on)
    tally.cases_opened += 1
    if delivered_case:
        delivered_tally = demo.tally(window.id, delivered_on)
        delivered_tally.services_delivered += 1
        delivered_tally.enterprises_served.add(uscc_code)
    if roll < 0.03:
        demo.handle(
            StepCase(case_id=outcome.resource_id, step=Cancel(reason="企业撤回需求")), opened
        )
    elif roll >= 0.2:
        closed = delivered.at(demo.at(delivered_on + timedelta(days=3), 11))
        demo.handle(StepCase(case_id=outcome.resource_id, step=Close()), closed)


def _institution_for(demo: DemoWorld, window: Window, on: date) -> Agreement | None:
    """An agreement of the window with an institution, in force on ``on``, drawn at random
    for a share of the cases; ``None`` for the others."""
    in_force = [a for a in demo.window_agreements.get(window.id, []) if a.in_force_on(on)]
    if not in_force or demo.rng.random() >= INSTITUTION_SHARE:
        return None
    return demo.rng.choice(in_force)


def _category_in(demo: DemoWorld, agreement: Agreement, on: date) -> str:
    """A category the agreement covers on ``on``: a code of its scope, or an item under one."""
    terms = agreement.terms_on(on)
    scope = terms.categories if terms is not None else ()
    code = demo.rng.choice(scope)
    items = [c.code for c in reference.categories().values() if c.parent == code]
    return demo.rng.choice([code, *items])


def _expert_for(demo: DemoWorld, category: str) -> str:
    """An expert of the pool whose fields cover the category (any expert if none does)."""
    parent = reference.categories()[category].parent
    fit = [e for e in demo.experts if category in e.fields or parent in e.fields]
    return demo.rng.choice(fit or demo.experts).name
