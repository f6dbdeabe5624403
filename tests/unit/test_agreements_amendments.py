"""An agreement is amended (the other party countersigning) and terminated by either party; a
terminated agreement accepts nothing more, and its history rebuilds it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from ledger.application.interface.agreements import agreement_view
from ledger.domain import ids
from ledger.domain.agreement import Agreement
from ledger.domain.agreement_index import AgreementIndex
from ledger.domain.agreement_terms import AgreementStatus, Amendment, Party, Terms
from ledger.domain.errors import (
    AgreementScopeError,
    AgreementStepOutOfOrderError,
    AgreementTermError,
    AgreementTerminatedError,
    AmendmentChangesNothingError,
    AmendmentPendingError,
    DocumentDigestMismatchError,
    InvalidDocumentDigestError,
    NoPendingAmendmentError,
    NotAPartyError,
    NotTheCounterpartyError,
    RuleViolationError,
    TerminationDateError,
)
from tests.unit.agreement_builders import (
    DIGEST,
    END,
    INSTITUTION,
    NEW_DIGEST,
    OUTSIDER,
    SIGNED_ON,
    START,
    TERMS,
    WINDOW,
    amended,
    at,
    proposed,
    signed,
)

# --- amendments ---------------------------------------------------------------------------------


@pytest.mark.parametrize("by", [WINDOW, INSTITUTION], ids=["proposer", "counterparty"])
def test_either_party_proposes_an_amendment_and_the_other_countersigns_it(by: Party) -> None:
    agreement = amended(by=by)

    assert agreement.terms == Terms(("14", "15"), START, END, NEW_DIGEST)
    assert agreement.pending_amendment is None
    assert [type(e) for e in agreement.collect_events()][-2:] == [
        Agreement.AmendmentProposed,
        Agreement.AmendmentCountersigned,
    ]


def test_a_pending_amendment_changes_nothing_until_it_is_countersigned() -> None:
    agreement = signed()
    agreement.propose_amendment(
        Amendment(categories=["14", "15"], document_sha256=NEW_DIGEST),
        at(date(2026, 6, 1), WINDOW.id),
    )

    assert agreement.terms == TERMS
    assert not agreement.in_force_on(date(2026, 7, 1), "15")
    assert agreement.pending_amendment is not None
    assert agreement.pending_amendment.proposed_by == WINDOW.id
    assert agreement.pending_amendment.terms.categories == ("14", "15")


@pytest.mark.parametrize(
    ("day", "covers_15"),
    [(date(2026, 5, 31), False), (date(2026, 6, 1), True), (date(2026, 12, 31), True)],
)
def test_an_amended_scope_applies_from_the_day_of_its_countersignature(
    day: date, covers_15: bool
) -> None:
    agreement = amended(on=date(2026, 6, 1))

    assert agreement.in_force_on(day, "15") is covers_15
    assert agreement.in_force_on(day, "14")


def test_the_days_before_an_amendment_keep_the_terms_that_applied_then() -> None:
    narrowed = amended(
        on=date(2026, 6, 1), amendment=Amendment(categories=["15"], document_sha256=NEW_DIGEST)
    )

    assert narrowed.in_force_on(date(2026, 5, 31), "14")
    assert not narrowed.in_force_on(date(2026, 6, 1), "14")
    assert narrowed.terms_on(date(2026, 5, 31)) == TERMS


def test_an_extended_term_keeps_the_agreement_in_force_past_its_first_end() -> None:
    extended = amended(amendment=Amendment(ends_on=date(2027, 12, 31)))

    assert extended.in_force_on(date(2027, 6, 30), "14")
    assert extended.status_on(date(2027, 6, 30)) is AgreementStatus.IN_FORCE
    assert extended.status_on(date(2028, 1, 1)) is AgreementStatus.EXPIRED


def test_a_proposal_not_yet_countersigned_cannot_be_amended() -> None:
    with pytest.raises(AgreementStepOutOfOrderError):
        proposed().propose_amendment(Amendment(ends_on=date(2027, 1, 1)), at(SIGNED_ON, WINDOW.id))


def test_one_amendment_is_pending_at_a_time() -> None:
    agreement = signed()
    agreement.propose_amendment(Amendment(ends_on=date(2027, 1, 1)), at(SIGNED_ON, WINDOW.id))

    with pytest.raises(AmendmentPendingError) as raised:
        agreement.propose_amendment(
            Amendment(ends_on=date(2027, 6, 1)), at(SIGNED_ON, INSTITUTION.id)
        )

    assert raised.value.code == "amendment_pending"


def test_an_amendment_that_changes_nothing_is_refused() -> None:
    with pytest.raises(AmendmentChangesNothingError) as raised:
        signed().propose_amendment(
            Amendment(categories=["14"], document_sha256=DIGEST.upper()), at(SIGNED_ON, WINDOW.id)
        )

    assert raised.value.code == "amendment_changes_nothing"


@pytest.mark.parametrize(
    ("amendment", "error"),
    [
        (Amendment(categories=[]), AgreementScopeError),
        (Amendment(ends_on=START), AgreementTermError),
        (Amendment(document_sha256="not a digest"), InvalidDocumentDigestError),
    ],
)
def test_amended_terms_follow_the_same_rules_as_proposed_ones(
    amendment: Amendment, error: type[RuleViolationError]
) -> None:
    with pytest.raises(error):
        signed().propose_amendment(amendment, at(SIGNED_ON, WINDOW.id))


def test_the_party_that_proposed_an_amendment_cannot_countersign_it() -> None:
    agreement = signed()
    agreement.propose_amendment(Amendment(ends_on=date(2027, 1, 1)), at(SIGNED_ON, WINDOW.id))

    with pytest.raises(NotTheCounterpartyError):
        agreement.countersign_amendment(document_sha256=DIGEST, meta=at(SIGNED_ON, WINDOW.id))


def test_countersigning_an_amendment_names_its_document() -> None:
    agreement = signed()
    agreement.propose_amendment(Amendment(document_sha256=NEW_DIGEST), at(SIGNED_ON, WINDOW.id))

    with pytest.raises(DocumentDigestMismatchError):
        agreement.countersign_amendment(document_sha256=DIGEST, meta=at(SIGNED_ON, INSTITUTION.id))


@pytest.mark.parametrize(
    "step",
    [
        pytest.param(
            lambda a: a.countersign_amendment(
                document_sha256=DIGEST, meta=at(SIGNED_ON, INSTITUTION.id)
            ),
            id="countersign",
        ),
        pytest.param(
            lambda a: a.withdraw_amendment(reason="r", meta=at(SIGNED_ON, WINDOW.id)),
            id="withdraw",
        ),
    ],
)
def test_there_must_be_a_pending_amendment_to_countersign_or_withdraw(
    step: Callable[[Agreement], None],
) -> None:
    with pytest.raises(NoPendingAmendmentError) as raised:
        step(signed())

    assert raised.value.code == "no_pending_amendment"


@pytest.mark.parametrize("by", [WINDOW, INSTITUTION], ids=["withdrawn", "declined"])
def test_either_party_drops_a_pending_amendment_and_another_may_follow(by: Party) -> None:
    agreement = signed()
    agreement.propose_amendment(Amendment(ends_on=date(2027, 1, 1)), at(SIGNED_ON, WINDOW.id))
    agreement.withdraw_amendment(reason="另行协商", meta=at(SIGNED_ON, by.id))

    assert agreement.pending_amendment is None
    assert agreement.terms == TERMS
    agreement.propose_amendment(Amendment(ends_on=date(2027, 6, 1)), at(SIGNED_ON, WINDOW.id))
    assert agreement.pending_amendment is not None


# --- termination --------------------------------------------------------------------------------


@pytest.mark.parametrize("by", [WINDOW, INSTITUTION], ids=["proposer", "counterparty"])
def test_either_party_terminates_and_the_agreement_applies_until_the_day_before(
    by: Party,
) -> None:
    agreement = signed()
    agreement.terminate(reason="r", effective_on=date(2026, 7, 1), meta=at(SIGNED_ON, by.id))

    assert agreement.in_force_on(date(2026, 6, 30), "14")
    assert agreement.status_on(date(2026, 6, 30)) is AgreementStatus.IN_FORCE
    assert not agreement.in_force_on(date(2026, 7, 1), "14")
    assert agreement.status_on(date(2026, 7, 1)) is AgreementStatus.TERMINATED
    assert agreement.termination is not None
    assert agreement.termination.terminated_by == by.id


def test_a_termination_may_take_effect_on_the_day_it_is_made() -> None:
    agreement = signed()
    agreement.terminate(reason="r", effective_on=SIGNED_ON, meta=at(SIGNED_ON, WINDOW.id))

    assert not agreement.in_force_on(SIGNED_ON)


def test_a_termination_does_not_reach_back() -> None:
    with pytest.raises(TerminationDateError) as raised:
        signed().terminate(
            reason="r", effective_on=SIGNED_ON - timedelta(days=1), meta=at(SIGNED_ON, WINDOW.id)
        )

    assert raised.value.code == "invalid_termination_date"


def test_terminating_a_proposal_withdraws_it_for_good() -> None:
    agreement = proposed()
    agreement.terminate(reason="撤回", effective_on=SIGNED_ON, meta=at(SIGNED_ON, INSTITUTION.id))

    assert agreement.status_on(date(2026, 1, 1)) is AgreementStatus.TERMINATED
    with pytest.raises(AgreementTerminatedError):
        agreement.countersign(document_sha256=DIGEST, meta=at(SIGNED_ON, INSTITUTION.id))


def test_terminating_drops_a_pending_amendment() -> None:
    agreement = signed()
    agreement.propose_amendment(Amendment(ends_on=date(2027, 1, 1)), at(SIGNED_ON, WINDOW.id))
    agreement.terminate(reason="r", effective_on=date(2026, 9, 1), meta=at(SIGNED_ON, WINDOW.id))

    assert agreement.pending_amendment is None


AFTER_TERMINATION: list[tuple[str, Callable[[Agreement], None]]] = [
    ("countersign", lambda a: a.countersign(document_sha256=DIGEST, meta=at(END, INSTITUTION.id))),
    (
        "amend",
        lambda a: a.propose_amendment(Amendment(ends_on=date(2027, 1, 1)), at(END, WINDOW.id)),
    ),
    (
        "countersign-amendment",
        lambda a: a.countersign_amendment(document_sha256=DIGEST, meta=at(END, INSTITUTION.id)),
    ),
    ("withdraw-amendment", lambda a: a.withdraw_amendment(reason="r", meta=at(END, WINDOW.id))),
    ("terminate", lambda a: a.terminate(reason="r", effective_on=END, meta=at(END, WINDOW.id))),
]


@pytest.mark.parametrize("step", [pytest.param(s, id=name) for name, s in AFTER_TERMINATION])
def test_a_terminated_agreement_accepts_nothing_more(step: Callable[[Agreement], None]) -> None:
    agreement = signed()
    agreement.terminate(reason="r", effective_on=date(2026, 7, 1), meta=at(SIGNED_ON, WINDOW.id))
    version = agreement.version

    with pytest.raises(AgreementTerminatedError) as raised:
        step(agreement)

    assert raised.value.code == "agreement_terminated"
    assert agreement.version == version


@pytest.mark.parametrize(
    "step",
    [
        lambda a: a.propose_amendment(Amendment(ends_on=date(2027, 1, 1)), at(END, OUTSIDER)),
        lambda a: a.withdraw_amendment(reason="r", meta=at(END, OUTSIDER)),
        lambda a: a.terminate(reason="r", effective_on=END, meta=at(END, OUTSIDER)),
    ],
    ids=["amend", "withdraw-amendment", "terminate"],
)
def test_only_the_two_parties_act_on_an_agreement(step: Callable[[Agreement], None]) -> None:
    with pytest.raises(NotAPartyError):
        step(signed())


# --- history and the index ----------------------------------------------------------------------


def test_replaying_the_events_rebuilds_the_same_agreement() -> None:
    agreement = amended()
    agreement.terminate(
        reason="r", effective_on=date(2026, 9, 1), meta=at(date(2026, 6, 2), WINDOW.id)
    )
    copy: Agreement | None = None
    for event in agreement.collect_events():
        copy = event.mutate(copy)

    assert copy is not None
    for day in (START, date(2026, 6, 1), date(2026, 9, 1)):
        assert agreement_view(copy, day) == agreement_view(agreement, day)


def test_the_view_shows_the_terms_that_apply_on_the_day_asked_about() -> None:
    agreement = amended(on=date(2026, 6, 1))

    before = agreement_view(agreement, date(2026, 5, 1))
    after = agreement_view(agreement, date(2026, 6, 1))

    assert before["terms"] == after["terms"] != before["terms_applying"]
    applying_before, applying_after = before["terms_applying"], after["terms_applying"]
    assert applying_before is not None
    assert applying_after is not None
    assert applying_before["categories"] == ["14"]
    assert applying_after["categories"] == ["14", "15"]
    assert [p["effective_from"] for p in after["periods"]] == ["2026-03-02", "2026-06-01"]


def test_the_index_of_a_pair_lists_each_agreement_once_whichever_party_proposed() -> None:
    first = proposed(WINDOW, INSTITUTION)
    index = AgreementIndex.open(INSTITUTION.id, WINDOW.id, at(SIGNED_ON, WINDOW.id))
    index.add(first.id, at(SIGNED_ON, WINDOW.id))
    index.add(first.id, at(SIGNED_ON, WINDOW.id))

    assert index.id == ids.agreement_index_id(WINDOW.id, INSTITUTION.id)
    assert index.id == ids.agreement_index_id(INSTITUTION.id, WINDOW.id)
    assert index.agreement_ids == [first.id]
    assert index.party_ids == sorted([WINDOW.id, INSTITUTION.id])
