"""Agreements on a real ledger: proposals with their pair index, countersignatures that bring an
institution into the network atomically, who may act, and revoked participants."""

from __future__ import annotations

from datetime import date

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.agreements import (
    CountersignAgreement,
    CountersignAmendment,
    ProposeAgreement,
    ProposeAmendment,
    TerminateAgreement,
    WithdrawAmendment,
)
from ledger.application.context import IdempotencyRequest
from ledger.application.queries.agreements import list_agreements
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_index import AgreementIndex
from ledger.domain.agreement_terms import AgreementStatus, Amendment, Terms
from ledger.domain.errors import (
    AgreementExistsError,
    AgreementNotFoundError,
    AgreementPartiesError,
    NotAPartyError,
    RevokedError,
    UnknownPartyError,
)
from ledger.domain.institution import Institution, InstitutionStatus

# Each step is recorded on the day it happened, as the ledger would have recorded it.
from tests.acting import CaughtUp
from tests.acting import act_on_its_day as act
from tests.application.agreements_support import (
    DIGEST,
    END,
    NEW_DIGEST,
    PROPOSED_ON,
    SIGNED_ON,
    START,
    Net,
    acting,
    agreement_in_force,
    propose,
    propose_adding_category_15,
    revoke,
    set_up,
)


@pytest.fixture
def net(ledger: LedgerApplication) -> Net:
    return set_up(ledger)


# --- proposals and the pair index ---------------------------------------------------------------


def test_a_proposal_is_recorded_with_the_index_of_its_pair(
    ledger: LedgerApplication, net: Net
) -> None:
    outcome = propose(ledger, net.window_id, net.institution_id)

    assert outcome.created
    assert outcome.resource_id == ids.agreement_id(net.window_id, "XY-2025-001")
    assert outcome.event_types == (
        "Agreement.Proposed",
        "AgreementIndex.Opened",
        "AgreementIndex.AgreementAdded",
    )
    assert outcome.body["status"] == "proposed"
    assert outcome.body["as_on"] == PROPOSED_ON.isoformat()
    index: object = ledger.repository.get(ids.agreement_index_id(net.institution_id, net.window_id))
    assert isinstance(index, AgreementIndex)
    assert index.agreement_ids == [outcome.resource_id]


def test_the_agreements_between_two_parties_are_found_in_either_order(
    ledger: LedgerApplication, net: Net
) -> None:
    first = propose(ledger, net.window_id, net.institution_id, ref="A-1").resource_id
    second = propose(ledger, net.window_id, net.institution_id, ref="A-2").resource_id
    propose(ledger, net.hub_id, net.institution_id, ref="A-3")

    between = ledger.lookups.agreements_between
    found = [a.id for a in between(net.institution_id, net.window_id)]
    assert found == [first, second]
    assert [a.id for a in between(net.window_id, net.institution_id)] == found
    assert between(net.window_id, net.other_institution_id) == []


def test_agreements_are_listed_in_the_order_proposed_or_by_party(
    ledger: LedgerApplication, net: Net
) -> None:
    a = propose(ledger, net.window_id, net.institution_id, ref="L-1").resource_id
    b = propose(ledger, net.hub_id, net.window_id, ref="L-2").resource_id
    c = propose(ledger, net.other_window_id, net.hub_id, ref="L-3").resource_id

    assert [x.id for x in list_agreements(ledger, CaughtUp(ledger))] == [a, b, c]
    assert [x.id for x in list_agreements(ledger, CaughtUp(ledger), net.window_id)] == [a, b]
    assert [x.id for x in list_agreements(ledger, CaughtUp(ledger), net.hub_id)] == [b, c]
    assert list_agreements(ledger, CaughtUp(ledger), net.other_institution_id) == []


def test_the_same_reference_is_never_proposed_twice_by_the_same_party(
    ledger: LedgerApplication, net: Net
) -> None:
    propose(ledger, net.window_id, net.institution_id)
    head = ledger.head_position()

    with pytest.raises(AgreementExistsError) as raised:
        propose(ledger, net.window_id, net.other_institution_id)

    assert raised.value.code == "agreement_exists"
    assert ledger.head_position() == head
    assert propose(ledger, net.other_window_id, net.institution_id).created


def test_a_proposal_retried_with_its_idempotency_key_is_answered_from_the_record(
    ledger: LedgerApplication, net: Net
) -> None:
    idempotency = IdempotencyRequest("key:test", "k-1", "fingerprint")

    def send() -> Outcome:
        return act(
            ledger,
            ProposeAgreement(
                counterparty_id=net.institution_id,
                external_ref="I-1",
                title="t",
                terms=Terms(("14",), START, END, DIGEST),
            ),
            acting(net.window_id, PROPOSED_ON),
            idempotency=idempotency,
        )

    first, again = send(), send()

    assert not first.replayed
    assert again.replayed
    assert again.body == first.body


def test_a_counterparty_that_is_not_a_participant_is_refused(
    ledger: LedgerApplication, net: Net
) -> None:
    enterprise_id = ids.enterprise_id("91640104MA71TJ3Y8G")

    for stranger in (enterprise_id, ids.platform_id("91110000MA00000000")):
        with pytest.raises(UnknownPartyError) as raised:
            propose(ledger, net.window_id, stranger)
        assert raised.value.code == "unknown_party"


def test_a_refused_proposal_records_nothing_not_even_an_index(
    ledger: LedgerApplication, net: Net
) -> None:
    head = ledger.head_position()

    with pytest.raises(AgreementPartiesError):
        propose(ledger, net.institution_id, net.other_institution_id)

    assert ledger.head_position() == head
    assert ledger.lookups.agreements_between(net.institution_id, net.other_institution_id) == []


def test_a_network_wide_key_is_not_a_party(ledger: LedgerApplication, net: Net) -> None:
    with pytest.raises(NotAPartyError):
        act(
            ledger,
            ProposeAgreement(
                counterparty_id=net.institution_id,
                external_ref="B-1",
                title="t",
                terms=Terms(("14",), START, END, DIGEST),
            ),
            acting(None, PROPOSED_ON),
        )


# --- countersignature ---------------------------------------------------------------------------


def test_countersigning_brings_the_institution_into_the_network_in_the_same_save(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_id = propose(ledger, net.window_id, net.institution_id).resource_id
    assert ledger.get(Institution, net.institution_id).status is InstitutionStatus.REGISTERED

    outcome = act(
        ledger,
        CountersignAgreement(agreement_id=agreement_id, document_sha256=DIGEST),
        acting(net.institution_id, SIGNED_ON),
    )

    assert outcome.event_types == ("Agreement.Countersigned", "Institution.Joined")
    assert outcome.body["status"] == "in_force"
    institution = ledger.get(Institution, net.institution_id)
    assert institution.status is InstitutionStatus.ACTIVE
    assert institution.agreement_ids == [agreement_id]
    positions = [e.position for e in ledger.history(net.institution_id)]
    assert positions[-1] == outcome.position


def test_an_agreement_between_platforms_joins_nobody(ledger: LedgerApplication, net: Net) -> None:
    agreement_id = propose(ledger, net.hub_id, net.window_id).resource_id

    outcome = act(
        ledger,
        CountersignAgreement(agreement_id=agreement_id, document_sha256=DIGEST),
        acting(net.window_id, SIGNED_ON),
    )

    assert outcome.event_types == ("Agreement.Countersigned",)


def test_amending_and_terminating_go_through_the_ledger(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_id = agreement_in_force(ledger, net.window_id, net.institution_id)
    propose_adding_category_15(ledger, agreement_id, net.institution_id)
    act(
        ledger,
        CountersignAmendment(agreement_id=agreement_id, document_sha256=NEW_DIGEST),
        acting(net.window_id, date(2025, 6, 2)),
    )
    act(
        ledger,
        ProposeAmendment(agreement_id=agreement_id, amendment=Amendment(ends_on=date(2026, 6, 30))),
        acting(net.window_id, date(2025, 6, 3)),
    )
    act(
        ledger,
        WithdrawAmendment(agreement_id=agreement_id, reason="另议"),
        acting(net.institution_id, date(2025, 6, 4)),
    )
    outcome = act(
        ledger,
        TerminateAgreement(
            agreement_id=agreement_id, reason="合作结束", effective_on=date(2025, 9, 1)
        ),
        acting(net.window_id, date(2025, 6, 5)),
    )

    agreement = ledger.get(Agreement, agreement_id)
    assert agreement.terms.categories == ("14", "15")
    assert agreement.pending_amendment is None
    assert agreement.status_on(date(2025, 8, 31)) is AgreementStatus.IN_FORCE
    assert agreement.status_on(date(2025, 9, 1)) is AgreementStatus.TERMINATED
    assert outcome.version == 7
    assert [e.event.originator_version for e in ledger.history(agreement_id)] == list(range(1, 8))


# --- who may act --------------------------------------------------------------------------------


def test_a_window_not_party_to_an_agreement_is_told_it_does_not_exist(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_id = propose(ledger, net.window_id, net.institution_id).resource_id

    with pytest.raises(AgreementNotFoundError) as raised:
        act(
            ledger,
            CountersignAgreement(agreement_id=agreement_id, document_sha256=DIGEST),
            acting(net.other_window_id, SIGNED_ON),
        )

    assert raised.value.code == "agreement_not_found"


def test_the_hub_sees_every_agreement_but_acts_only_on_its_own(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_id = propose(ledger, net.window_id, net.institution_id).resource_id

    with pytest.raises(NotAPartyError) as raised:
        act(
            ledger,
            TerminateAgreement(agreement_id=agreement_id, reason="r", effective_on=SIGNED_ON),
            acting(net.hub_id, SIGNED_ON),
        )

    assert raised.value.code == "not_a_party"


def test_an_unknown_agreement_is_not_found(ledger: LedgerApplication, net: Net) -> None:
    with pytest.raises(AgreementNotFoundError):
        act(
            ledger,
            CountersignAgreement(
                agreement_id=ids.agreement_id(net.window_id, "nothing"), document_sha256=DIGEST
            ),
            acting(net.institution_id, SIGNED_ON),
        )


# --- revoked participants -----------------------------------------------------------------------


def test_nothing_is_proposed_to_a_revoked_institution(ledger: LedgerApplication, net: Net) -> None:
    revoke(ledger, "institution", net.institution_id)

    with pytest.raises(RevokedError) as raised:
        propose(ledger, net.window_id, net.institution_id)

    assert raised.value.code == "revoked"


def test_a_revoked_window_proposes_nothing(ledger: LedgerApplication, net: Net) -> None:
    revoke(ledger, "platform", net.window_id)

    with pytest.raises(RevokedError):
        propose(ledger, net.window_id, net.institution_id)


def test_a_proposal_is_not_countersigned_once_a_party_is_revoked(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_id = propose(ledger, net.window_id, net.institution_id).resource_id
    revoke(ledger, "platform", net.window_id)

    with pytest.raises(RevokedError):
        act(
            ledger,
            CountersignAgreement(agreement_id=agreement_id, document_sha256=DIGEST),
            acting(net.institution_id, SIGNED_ON),
        )


def test_amendments_need_both_parties_in_good_standing(ledger: LedgerApplication, net: Net) -> None:
    agreement_id = agreement_in_force(ledger, net.window_id, net.institution_id)
    revoke(ledger, "institution", net.institution_id)

    with pytest.raises(RevokedError):
        act(
            ledger,
            ProposeAmendment(
                agreement_id=agreement_id, amendment=Amendment(ends_on=date(2026, 6, 30))
            ),
            acting(net.window_id, date(2025, 6, 1)),
        )


def test_an_agreement_with_a_revoked_party_can_still_be_terminated(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_id = agreement_in_force(ledger, net.window_id, net.institution_id)
    revoke(ledger, "institution", net.institution_id)

    outcome = act(
        ledger,
        TerminateAgreement(
            agreement_id=agreement_id, reason="对方资格撤销", effective_on=date(2025, 6, 1)
        ),
        acting(net.window_id, date(2025, 6, 1)),
    )

    assert outcome.body["status"] == "terminated"


def test_a_retried_countersignature_answers_with_the_position_of_its_last_event(
    ledger: LedgerApplication, net: Net
) -> None:
    agreement_id = propose(ledger, net.window_id, net.institution_id).resource_id
    idempotency = IdempotencyRequest("key:institution", "sign-1", "fingerprint")

    def sign() -> Outcome:
        return act(
            ledger,
            CountersignAgreement(agreement_id=agreement_id, document_sha256=DIGEST),
            acting(net.institution_id, SIGNED_ON),
            idempotency=idempotency,
        )

    first, again = sign(), sign()

    assert again.replayed
    assert first.event_types == ("Agreement.Countersigned", "Institution.Joined")
    assert again.position == first.position == ledger.head_position()
    assert again.body == first.body
