"""A service agreement is proposed by a platform and countersigned by the other party; whether
it is in force on a day, for a category, follows from its events and that day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ledger.domain import ids
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_terms import AgreementStatus, Party, PartyKind, Terms
from ledger.domain.errors import (
    AgreementPartiesError,
    AgreementScopeError,
    AgreementStepOutOfOrderError,
    AgreementTermError,
    DocumentDigestMismatchError,
    InvalidDocumentDigestError,
    NotAPartyError,
    NotTheCounterpartyError,
    OccurredBeforePreviousStepError,
    RuleViolationError,
    UnknownCategoryError,
)
from tests.unit.agreement_builders import (
    DIGEST,
    END,
    HUB,
    INSTITUTION,
    NEW_DIGEST,
    OTHER_INSTITUTION,
    OTHER_WINDOW,
    OUTSIDER,
    SIGNED_ON,
    START,
    TERMS,
    WINDOW,
    at,
    proposed,
    signed,
)

# --- proposal -----------------------------------------------------------------------------------


def test_a_window_proposes_an_agreement_to_an_institution() -> None:
    agreement = proposed(terms=Terms(("140300", "14", "14"), START, END, DIGEST.upper()))

    assert agreement.id == ids.agreement_id(WINDOW.id, "XY-2026-001")
    assert agreement.parties == (WINDOW, INSTITUTION)
    assert agreement.title == "服务合作协议"
    assert agreement.terms == Terms(("14", "140300"), START, END, DIGEST)
    assert agreement.status_on(SIGNED_ON) is AgreementStatus.PROPOSED
    assert not agreement.in_force_on(SIGNED_ON)
    assert [type(e) for e in agreement.collect_events()] == [Agreement.Proposed]


PAIRS = [
    pytest.param(HUB, WINDOW, id="hub-window"),
    pytest.param(WINDOW, HUB, id="window-hub"),
    pytest.param(WINDOW, OTHER_WINDOW, id="window-window"),
    pytest.param(HUB, INSTITUTION, id="hub-institution"),
    pytest.param(WINDOW, INSTITUTION, id="window-institution"),
]


@pytest.mark.parametrize(("proposer", "counterparty"), PAIRS)
def test_the_allowed_pairs_of_parties_may_make_an_agreement(
    proposer: Party, counterparty: Party
) -> None:
    agreement = proposed(proposer, counterparty)

    assert agreement.parties == (proposer, counterparty)


REFUSED = [
    pytest.param(HUB, Party(PartyKind.HUB, OUTSIDER), id="hub-hub"),
    pytest.param(INSTITUTION, WINDOW, id="institution-proposes"),
    pytest.param(INSTITUTION, OTHER_INSTITUTION, id="institution-institution"),
    pytest.param(WINDOW, WINDOW, id="with-itself"),
]


@pytest.mark.parametrize(("proposer", "counterparty"), REFUSED)
def test_other_pairs_are_refused(proposer: Party, counterparty: Party) -> None:
    with pytest.raises(AgreementPartiesError) as raised:
        proposed(proposer, counterparty)

    assert raised.value.code == "agreement_parties_not_allowed"


def test_a_party_proposes_only_for_itself() -> None:
    with pytest.raises(NotAPartyError) as raised:
        Agreement.propose(
            proposer=WINDOW,
            counterparty=INSTITUTION,
            external_ref="XY-1",
            title="t",
            terms=TERMS,
            meta=at(SIGNED_ON, OTHER_WINDOW.id),
        )

    assert raised.value.code == "not_a_party"


BAD_TERMS = [
    pytest.param(Terms((), START, END, DIGEST), AgreementScopeError, id="no-category"),
    pytest.param(Terms(("18",), START, END, DIGEST), UnknownCategoryError, id="unknown-category"),
    pytest.param(Terms(("14",), START, START, DIGEST), AgreementTermError, id="ends-on-start"),
    pytest.param(Terms(("14",), END, START, DIGEST), AgreementTermError, id="ends-before-start"),
    pytest.param(
        Terms(("14",), START, END, "a" * 63), InvalidDocumentDigestError, id="short-digest"
    ),
    pytest.param(Terms(("14",), START, END, "g" * 64), InvalidDocumentDigestError, id="not-hex"),
]


@pytest.mark.parametrize(("terms", "error"), BAD_TERMS)
def test_terms_that_break_a_rule_are_refused(terms: Terms, error: type[RuleViolationError]) -> None:
    with pytest.raises(error):
        proposed(terms=terms)


def test_each_terms_rule_has_its_own_code() -> None:
    codes = {e.code for e in (AgreementScopeError, AgreementTermError, InvalidDocumentDigestError)}

    assert codes == {"invalid_agreement_scope", "invalid_agreement_term", "invalid_document_digest"}


# --- countersignature ---------------------------------------------------------------------------


def test_the_counterparty_countersigns_and_the_agreement_is_in_force_within_its_term() -> None:
    agreement = signed()

    assert agreement.signed_on == SIGNED_ON
    assert agreement.status_on(SIGNED_ON) is AgreementStatus.IN_FORCE
    assert agreement.in_force_on(SIGNED_ON, "14")
    event = agreement.collect_events()[-1]
    assert isinstance(event, Agreement.Countersigned)
    assert event.signed_by == INSTITUTION.id
    assert event.document_sha256 == DIGEST


def test_the_counterparty_may_name_the_digest_in_capitals() -> None:
    agreement = proposed()
    agreement.countersign(document_sha256=DIGEST.upper(), meta=at(SIGNED_ON, INSTITUTION.id))

    assert agreement.signed_on == SIGNED_ON


@pytest.mark.parametrize(
    ("day", "in_force"),
    [
        (START - timedelta(days=1), False),
        (START, True),
        (date(2026, 7, 1), True),
        (END, True),
        (END + timedelta(days=1), False),
    ],
)
def test_an_agreement_signed_before_its_term_is_in_force_from_its_first_to_its_last_day(
    day: date, in_force: bool
) -> None:
    agreement = proposed(on=date(2025, 12, 1))
    agreement.countersign(document_sha256=DIGEST, meta=at(date(2025, 12, 1), INSTITUTION.id))

    assert agreement.in_force_on(day, "14") is in_force


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (date(2025, 12, 31), AgreementStatus.NOT_YET_IN_FORCE),
        (date(2026, 1, 1), AgreementStatus.IN_FORCE),
        (date(2026, 12, 31), AgreementStatus.IN_FORCE),
        (date(2027, 1, 1), AgreementStatus.EXPIRED),
    ],
)
def test_the_status_follows_from_the_term_and_the_day_without_an_expiry_event(
    day: date, status: AgreementStatus
) -> None:
    agreement = proposed(on=date(2025, 12, 1))
    agreement.countersign(document_sha256=DIGEST, meta=at(date(2025, 12, 1), INSTITUTION.id))

    assert agreement.status_on(day) is status


def test_a_signature_does_not_reach_back_before_the_day_it_was_made() -> None:
    agreement = signed(on=date(2026, 3, 2))

    assert not agreement.in_force_on(date(2026, 3, 1), "14")
    assert agreement.status_on(date(2026, 3, 1)) is AgreementStatus.NOT_YET_IN_FORCE
    assert agreement.in_force_on(date(2026, 3, 2), "14")


def test_the_proposer_cannot_countersign_its_own_proposal() -> None:
    agreement = proposed()

    with pytest.raises(NotTheCounterpartyError) as raised:
        agreement.countersign(document_sha256=DIGEST, meta=at(SIGNED_ON, WINDOW.id))

    assert raised.value.code == "not_the_counterparty"
    assert agreement.signed_on is None


def test_someone_not_a_party_cannot_countersign() -> None:
    with pytest.raises(NotAPartyError):
        proposed().countersign(document_sha256=DIGEST, meta=at(SIGNED_ON, OUTSIDER))


def test_an_agreement_is_countersigned_once() -> None:
    agreement = signed()

    with pytest.raises(AgreementStepOutOfOrderError) as raised:
        agreement.countersign(document_sha256=DIGEST, meta=at(SIGNED_ON, INSTITUTION.id))

    assert raised.value.code == "agreement_step_out_of_order"


def test_countersigning_another_document_than_the_one_proposed_is_refused() -> None:
    with pytest.raises(DocumentDigestMismatchError) as raised:
        proposed().countersign(document_sha256=NEW_DIGEST, meta=at(SIGNED_ON, INSTITUTION.id))

    assert raised.value.code == "document_digest_mismatch"


def test_a_countersignature_dated_before_the_proposal_is_refused() -> None:
    with pytest.raises(OccurredBeforePreviousStepError) as raised:
        proposed().countersign(document_sha256=DIGEST, meta=at(date(2026, 3, 1), INSTITUTION.id))

    assert raised.value.code == "occurred_before_previous_step"


# --- scope --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scope", "category", "covered"),
    [
        (("14",), "14", True),
        (("14",), "140300", True),
        (("14",), "141100", True),
        (("140300",), "140300", True),
        (("140300",), "141100", False),
        (("140300",), "14", False),
        (("10",), "140300", False),
        (("10", "14"), "140300", True),
    ],
)
def test_a_first_level_code_covers_its_items_but_an_item_does_not_cover_its_first_level(
    scope: tuple[str, ...], category: str, covered: bool
) -> None:
    agreement = signed(terms=Terms(scope, START, END, DIGEST))

    assert Terms(scope, START, END, DIGEST).covers(category) is covered
    assert agreement.in_force_on(SIGNED_ON, category) is covered
