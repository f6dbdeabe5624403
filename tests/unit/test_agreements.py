"""A service agreement is proposed, countersigned, amended and terminated by its two parties;
whether it is in force on a day follows from its events and that day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest

from ledger.domain import ids
from ledger.domain.agreement import (
    Agreement,
    AgreementIndex,
    AgreementStatus,
    Amendment,
    Party,
    PartyKind,
    Terms,
)
from ledger.envelope import Envelope
from ledger.errors import (
    AgreementPartiesError,
    AgreementScopeError,
    AgreementStepOutOfOrderError,
    AgreementTermError,
    AgreementTerminatedError,
    AmendmentChangesNothingError,
    AmendmentPendingError,
    DocumentDigestError,
    DocumentDigestMismatchError,
    NoPendingAmendmentError,
    NotAPartyError,
    NotTheCounterpartyError,
    OccurredBeforePreviousStepError,
    RuleViolationError,
    TerminationDateError,
    UnknownCategoryError,
)
from ledger.interface.agreements import agreement_view

HUB = Party(PartyKind.HUB, UUID("00000000-0000-4000-8000-00000000a001"))
WINDOW = Party(PartyKind.WINDOW, UUID("00000000-0000-4000-8000-00000000a002"))
OTHER_WINDOW = Party(PartyKind.WINDOW, UUID("00000000-0000-4000-8000-00000000a003"))
INSTITUTION = Party(PartyKind.INSTITUTION, UUID("00000000-0000-4000-8000-00000000a004"))
OTHER_INSTITUTION = Party(PartyKind.INSTITUTION, UUID("00000000-0000-4000-8000-00000000a005"))
OUTSIDER = UUID("00000000-0000-4000-8000-00000000a0ff")

DIGEST = "a" * 64
NEW_DIGEST = "b" * 64
START = date(2026, 1, 1)
END = date(2026, 12, 31)
TERMS = Terms(("14",), START, END, DIGEST)
# Proposed and countersigned on 2 March 2026 (Ningxia dates), unless a test says otherwise.
SIGNED_ON = date(2026, 3, 2)


def at(day: date, party: UUID, hour: int = 10) -> Envelope:
    """``party`` acting at ``hour`` o'clock in Ningxia on ``day``."""
    when = datetime(day.year, day.month, day.day, hour, tzinfo=UTC) - timedelta(hours=8)
    return Envelope("key:test", party, "req-test", None, when)


def proposed(
    proposer: Party = WINDOW,
    counterparty: Party = INSTITUTION,
    terms: Terms = TERMS,
    on: date = SIGNED_ON,
) -> Agreement:
    """Proposed at 09:00 in Ningxia on ``on`` (2 March 2026 by default)."""
    return Agreement.propose(
        proposer=proposer,
        counterparty=counterparty,
        external_ref="XY-2026-001",
        title="服务合作协议",
        terms=terms,
        meta=at(on, proposer.id, hour=9),
    )


def signed(terms: Terms = TERMS, on: date = SIGNED_ON) -> Agreement:
    agreement = proposed(terms=terms)
    agreement.countersign(document_sha256=terms.document_sha256, meta=at(on, INSTITUTION.id))
    return agreement


def amended(
    on: date = date(2026, 6, 1), amendment: Amendment | None = None, by: Party = WINDOW
) -> Agreement:
    """Signed on 2 March; an amendment (adding category 15) proposed by ``by`` and
    countersigned by the other party on ``on``."""
    agreement = signed()
    agreement.propose_amendment(
        amendment or Amendment(categories=["14", "15"], document_sha256=NEW_DIGEST),
        at(on, by.id, hour=9),
    )
    other = INSTITUTION if by == WINDOW else WINDOW
    pending = agreement.pending_amendment
    assert pending is not None
    agreement.countersign_amendment(
        document_sha256=pending.terms.document_sha256, meta=at(on, other.id)
    )
    return agreement


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
    pytest.param(Terms(("14",), START, END, "a" * 63), DocumentDigestError, id="short-digest"),
    pytest.param(Terms(("14",), START, END, "g" * 64), DocumentDigestError, id="not-hex"),
]


@pytest.mark.parametrize(("terms", "error"), BAD_TERMS)
def test_terms_that_break_a_rule_are_refused(terms: Terms, error: type[RuleViolationError]) -> None:
    with pytest.raises(error):
        proposed(terms=terms)


def test_each_terms_rule_has_its_own_code() -> None:
    codes = {e.code for e in (AgreementScopeError, AgreementTermError, DocumentDigestError)}

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
        (Amendment(document_sha256="not a digest"), DocumentDigestError),
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
    assert before["terms_applying"]["categories"] == ["14"]
    assert after["terms_applying"]["categories"] == ["14", "15"]
    assert [p["effective_from"] for p in after["periods"]] == ["2026-03-02", "2026-06-01"]


def test_the_index_of_a_pair_lists_each_agreement_once_whichever_party_proposed() -> None:
    first = proposed(WINDOW, INSTITUTION)
    index = AgreementIndex.open(INSTITUTION.id, WINDOW.id, at(SIGNED_ON, WINDOW.id))
    index.add(first, at(SIGNED_ON, WINDOW.id))
    index.add(first, at(SIGNED_ON, WINDOW.id))

    assert index.id == ids.agreement_index_id(WINDOW.id, INSTITUTION.id)
    assert index.id == ids.agreement_index_id(INSTITUTION.id, WINDOW.id)
    assert index.agreement_ids == [first.id]
    assert index.party_ids == sorted([WINDOW.id, INSTITUTION.id])
