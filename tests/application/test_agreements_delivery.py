"""A case assigned to an institution is delivered only under an agreement between its window and
that institution, in force on the delivery date and covering the case's category."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.agreements import (
    CountersignAmendment,
    TerminateAgreement,
)
from ledger.application.commands.cases import Assign, Deliver, OpenCase
from ledger.domain import ids
from ledger.domain.errors import (
    InstitutionNotIdentifiedError,
    NoAgreementInForceError,
    RevokedError,
    ServiceCaseNotFoundError,
    UnknownInstitutionError,
)
from ledger.domain.institution import Institution
from ledger.domain.service_case import (
    Assignment,
    CaseStatus,
    Channel,
    ProviderKind,
    ServiceCase,
)

# Each step is recorded on the day it happened, as the ledger would have recorded it.
from tests.acting import act_on_its_day as act
from tests.application.agreements_support import (
    NEW_DIGEST,
    Net,
    acting,
    agreement_in_force,
    deliver,
    delivery,
    open_assigned_case,
    propose,
    propose_adding_category_15,
    record_delivered,
    revoke,
    set_up,
)


@pytest.fixture
def net(ledger: LedgerApplication) -> Net:
    return set_up(ledger)


def _refused(ledger: LedgerApplication, net: Net, case_id: UUID, delivered_on: date) -> None:
    """Delivering ``case_id`` on ``delivered_on`` is refused, and nothing is recorded."""
    head = ledger.head_position()
    with pytest.raises(NoAgreementInForceError) as raised:
        deliver(ledger, net.window_id, case_id, delivered_on)
    assert raised.value.code == "no_agreement_in_force"
    assert ledger.head_position() == head
    assert ledger.get(ServiceCase, case_id).status is CaseStatus.ASSIGNED


# --- the term -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delivered_on", "allowed"),
    [
        pytest.param(date(2025, 1, 5), False, id="before-the-countersignature"),
        pytest.param(date(2025, 1, 6), True, id="on-the-day-it-was-countersigned"),
        pytest.param(date(2025, 12, 31), True, id="on-the-last-day-of-the-term"),
        pytest.param(date(2026, 1, 1), False, id="after-the-term"),
    ],
)
def test_a_delivery_counts_only_inside_the_agreements_term(
    ledger: LedgerApplication, net: Net, delivered_on: date, allowed: bool
) -> None:
    agreement_in_force(ledger, net.window_id, net.institution_id, signed_on=date(2025, 1, 6))
    case_id = open_assigned_case(ledger, net.window_id, net.institution_id)

    if allowed:
        outcome = deliver(ledger, net.window_id, case_id, delivered_on)
        assert outcome.body["status"] == "delivered"
    else:
        _refused(ledger, net, case_id, delivered_on)


def test_a_proposal_never_countersigned_does_not_count(ledger: LedgerApplication, net: Net) -> None:
    propose(ledger, net.window_id, net.institution_id)
    case_id = open_assigned_case(ledger, net.window_id, net.institution_id)

    _refused(ledger, net, case_id, date(2025, 3, 1))


def test_without_any_agreement_a_delivery_by_an_institution_is_refused(
    ledger: LedgerApplication, net: Net
) -> None:
    case_id = open_assigned_case(ledger, net.window_id, net.institution_id)

    _refused(ledger, net, case_id, date(2025, 3, 1))


# --- the scope ----------------------------------------------------------------------------------


def test_a_category_outside_the_scope_is_refused(ledger: LedgerApplication, net: Net) -> None:
    agreement_in_force(ledger, net.window_id, net.institution_id, categories=("14",))
    case_id = open_assigned_case(ledger, net.window_id, net.institution_id, category="100200")

    _refused(ledger, net, case_id, date(2025, 3, 1))


def test_an_item_is_covered_by_its_first_level_code_in_scope(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_in_force(ledger, net.window_id, net.institution_id, categories=("14",))
    case_id = open_assigned_case(ledger, net.window_id, net.institution_id, category="141100")

    assert deliver(ledger, net.window_id, case_id, date(2025, 3, 1)).body["status"] == "delivered"


def test_an_amended_scope_counts_only_from_its_countersignature(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_id = agreement_in_force(ledger, net.window_id, net.institution_id)
    propose_adding_category_15(ledger, agreement_id, net.window_id)
    pending_case = open_assigned_case(
        ledger, net.window_id, net.institution_id, ref="C-15a", category="15"
    )
    _refused(ledger, net, pending_case, date(2025, 6, 10))

    act(
        ledger,
        CountersignAmendment(agreement_id=agreement_id, document_sha256=NEW_DIGEST),
        acting(net.institution_id, date(2025, 6, 15)),
    )

    early_case = open_assigned_case(
        ledger, net.window_id, net.institution_id, ref="C-15b", category="15"
    )
    _refused(ledger, net, early_case, date(2025, 6, 14))
    on_time = deliver(ledger, net.window_id, pending_case, date(2025, 6, 15))
    assert on_time.body["status"] == "delivered"


# --- termination --------------------------------------------------------------------------------


def test_a_delivery_after_termination_is_refused_and_one_before_it_is_not(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_id = agreement_in_force(ledger, net.window_id, net.institution_id)
    act(
        ledger,
        TerminateAgreement(
            agreement_id=agreement_id, reason="合作结束", effective_on=date(2025, 7, 1)
        ),
        acting(net.institution_id, date(2025, 6, 1)),
    )
    before = open_assigned_case(ledger, net.window_id, net.institution_id, ref="C-before")
    after = open_assigned_case(ledger, net.window_id, net.institution_id, ref="C-after")

    assert deliver(ledger, net.window_id, before, date(2025, 6, 30)).body["status"] == "delivered"
    _refused(ledger, net, after, date(2025, 7, 1))


# --- the parties --------------------------------------------------------------------------------


@pytest.mark.parametrize("party", ["hub", "other_window"])
def test_only_an_agreement_between_the_cases_window_and_the_institution_counts(
    ledger: LedgerApplication, net: Net, party: str
) -> None:
    agreement_in_force(ledger, getattr(net, f"{party}_id"), net.institution_id)
    case_id = open_assigned_case(ledger, net.window_id, net.institution_id)

    _refused(ledger, net, case_id, date(2025, 3, 1))


def test_an_agreement_with_another_institution_does_not_count(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_in_force(ledger, net.window_id, net.other_institution_id)
    case_id = open_assigned_case(ledger, net.window_id, net.institution_id)

    _refused(ledger, net, case_id, date(2025, 3, 1))


def test_one_of_several_agreements_in_force_is_enough(ledger: LedgerApplication, net: Net) -> None:
    agreement_in_force(ledger, net.window_id, net.institution_id, ref="X-1", categories=("10",))
    agreement_in_force(ledger, net.window_id, net.institution_id, ref="X-2", categories=("14",))
    case_id = open_assigned_case(ledger, net.window_id, net.institution_id)

    assert deliver(ledger, net.window_id, case_id, date(2025, 3, 1)).body["status"] == "delivered"


def test_an_expert_delivers_without_any_agreement(ledger: LedgerApplication, net: Net) -> None:
    meta = acting(net.window_id, date(2025, 3, 1))
    assign = Assign(
        provider_kind=ProviderKind.EXPERT,
        provider_name="王教授",
        provider_id=None,
        occurred_at=meta.occurred_at,
    )
    step = delivery(date(2025, 3, 1))

    outcome = act(
        ledger,
        OpenCase(
            external_ref="E-1",
            uscc="91640104MA71TJ3Y8G",
            category="140300",
            channel=Channel.ONLINE,
            description="专家咨询",
            then=(assign, Deliver(delivery=step)),
        ),
        meta,
    )

    assert outcome.body["status"] == "delivered"


# --- the one-call record ------------------------------------------------------------------------


def test_a_service_recorded_in_one_call_follows_the_same_rule(
    ledger: LedgerApplication, net: Net
) -> None:
    head = ledger.head_position()
    with pytest.raises(NoAgreementInForceError):
        record_delivered(ledger, net.window_id, net.institution_id, date(2025, 3, 1))
    assert ledger.head_position() == head

    agreement_in_force(ledger, net.window_id, net.institution_id)
    outcome = record_delivered(ledger, net.window_id, net.institution_id, date(2025, 3, 1))

    assert outcome.body["status"] == "delivered"
    assert outcome.event_types == (
        "ServiceCase.Opened",
        "ServiceCase.Assigned",
        "ServiceCase.Delivered",
    )


def test_a_service_recorded_in_one_call_outside_the_scope_is_refused(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_in_force(ledger, net.window_id, net.institution_id)

    with pytest.raises(NoAgreementInForceError):
        record_delivered(
            ledger, net.window_id, net.institution_id, date(2025, 3, 1), category="100200"
        )
    with pytest.raises(ServiceCaseNotFoundError):
        ledger.get(ServiceCase, ids.service_case_id(net.window_id, "C-ONE"))


# --- assignment ---------------------------------------------------------------------------------


def test_an_institution_is_assigned_under_its_registered_name(
    ledger: LedgerApplication, net: Net
) -> None:
    case_id = open_assigned_case(ledger, net.window_id, net.institution_id)

    case = ledger.get(ServiceCase, case_id)
    institution = ledger.get(Institution, net.institution_id)
    assert case.assignment == Assignment(
        ProviderKind.INSTITUTION, institution.name, net.institution_id
    )


def test_a_case_is_not_assigned_to_an_unregistered_institution(
    ledger: LedgerApplication, net: Net
) -> None:
    with pytest.raises(UnknownInstitutionError) as raised:
        open_assigned_case(ledger, net.window_id, net.hub_id)

    assert raised.value.code == "unknown_institution"


def test_a_case_is_not_assigned_to_a_revoked_institution(
    ledger: LedgerApplication, net: Net
) -> None:
    revoke(ledger, "institution", net.institution_id)

    with pytest.raises(RevokedError) as raised:
        open_assigned_case(ledger, net.window_id, net.institution_id)

    assert raised.value.code == "revoked"


def test_an_assignment_made_without_the_ledgers_step_is_checked_too(
    ledger: LedgerApplication, net: Net
) -> None:
    revoke(ledger, "institution", net.institution_id)
    meta = acting(net.window_id, date(2025, 1, 2))
    assignment = Assign(
        provider_kind=ProviderKind.INSTITUTION,
        provider_name="任意名称",
        provider_id=net.institution_id,
    )

    with pytest.raises(RevokedError):
        act(
            ledger,
            OpenCase(
                external_ref="D-1",
                uscc="91640104MA71TJ3Y8G",
                category="140300",
                channel=Channel.ONLINE,
                description="直接指派",
                then=(assignment,),
            ),
            meta,
        )


def test_a_case_assigned_by_name_only_before_ids_existed_cannot_be_delivered(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_in_force(ledger, net.window_id, net.institution_id)
    meta = acting(net.window_id, date(2025, 1, 2))

    case_id = act(
        ledger,
        OpenCase(
            external_ref="OLD-1",
            uscc="91640104MA71TJ3Y8G",
            category="140300",
            channel=Channel.ONLINE,
            description="旧记录",
        ),
        meta,
    ).resource_id
    # What a version 1 ledger recorded: an institution by name, no id (no command can now).
    case = ledger.get(ServiceCase, case_id)
    case.trigger_event(
        ServiceCase.Assigned, provider_kind="institution", provider_name="某机构", meta=meta
    )
    ledger.save(case)

    with pytest.raises(InstitutionNotIdentifiedError) as raised:
        deliver(ledger, net.window_id, case_id, date(2025, 3, 1))

    assert raised.value.code == "institution_not_identified"
