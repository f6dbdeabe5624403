"""Publications on SQLite: a window submits, another hub key reviews, the window publishes."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.publications import (
    ApprovePublication,
    PublishPublication,
    SubmitPublication,
    WithdrawPublication,
)
from ledger.application.commands.standing import (
    ChangePlatformStanding,
    FailRecheck,
    OrderRectification,
    RequestRevocation,
    Revoke,
    StandingStep,
)
from ledger.application.queries.publications import list_publications
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    NotPublicationOwnerError,
    PublicationExistsError,
    PublicationNotFoundError,
    RevokedError,
    WrongPlatformKindError,
)
from ledger.domain.platform import PlatformKind
from ledger.domain.publication import PublicationKind, PublicationStatus
from tests.acting import CaughtUp, act
from tests.application.onboarding_support import (
    AFTER_NOTICE,
    APPLICANT_USCC,
    FILED_AT,
    SECOND_APPLICANT_USCC,
    hub_meta,
    register_platform_at,
)
from tests.application.support import HUB_USCC
from tests.conftest import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(AFTER_NOTICE)


@pytest.fixture
def network(clocked_ledger: LedgerApplication) -> tuple[UUID, UUID, UUID]:
    """The hub and two windows."""
    return (
        register_platform_at(clocked_ledger, HUB_USCC, PlatformKind.HUB),
        register_platform_at(clocked_ledger, APPLICANT_USCC),
        register_platform_at(clocked_ledger, SECOND_APPLICANT_USCC),
    )


def _as(platform_id: UUID | None, actor: str, hours: float = 0) -> Envelope:
    return hub_meta(platform_id, FILED_AT + timedelta(hours=hours), actor=actor)


def _submit(ledger: LedgerApplication, meta: Envelope, external_ref: str = "PUB-1") -> Outcome:
    command = SubmitPublication(
        external_ref=external_ref,
        kind=PublicationKind.NEWS,
        title="固原窗口开展政策宣讲",
        body="3月2日，固原窗口……",
        content_sha256=None,
        summary="",
        category="10",
    )
    return act(ledger, command, meta)


def _approve(ledger: LedgerApplication, publication_id: UUID, meta: Envelope) -> Outcome:
    return act(ledger, ApprovePublication(publication_id=publication_id, note=""), meta)


def _withdraw(
    ledger: LedgerApplication, publication_id: UUID, reason: str, meta: Envelope
) -> Outcome:
    return act(ledger, WithdrawPublication(publication_id=publication_id, reason=reason), meta)


def test_a_window_publication_is_reviewed_by_the_hub_and_published_by_the_window(
    clocked_ledger: LedgerApplication, network: tuple[UUID, UUID, UUID]
) -> None:
    hub, window, _ = network
    submitted = _submit(clocked_ledger, _as(window, "key:window"))
    publication_id = submitted.resource_id

    approval = ApprovePublication(publication_id=publication_id, note="合规")
    act(clocked_ledger, approval, _as(hub, "key:hub", 1))
    publishing = PublishPublication(
        publication_id=publication_id, channel="https://gy.example/news/1"
    )
    outcome = act(clocked_ledger, publishing, _as(window, "key:window", 2))

    assert outcome.body["status"] == "published"
    assert outcome.body["platform_id"] == str(window)
    assert publication_id == ids.publication_id(window, "PUB-1")
    assert [p.id for p in list_publications(clocked_ledger, CaughtUp(clocked_ledger))] == [
        publication_id
    ]


def test_the_hub_submits_its_own_and_another_hub_key_reviews_it(
    clocked_ledger: LedgerApplication, network: tuple[UUID, UUID, UUID]
) -> None:
    hub, _, _ = network
    publication_id = _submit(clocked_ledger, _as(hub, "key:hub-editor")).resource_id

    outcome = _approve(clocked_ledger, publication_id, _as(hub, "key:hub-reviewer", 1))

    assert outcome.body["status"] == "approved"


def test_a_window_does_not_review_publications(
    clocked_ledger: LedgerApplication, network: tuple[UUID, UUID, UUID]
) -> None:
    _, window, _ = network
    publication_id = _submit(clocked_ledger, _as(window, "key:window")).resource_id

    with pytest.raises(WrongPlatformKindError):
        _approve(clocked_ledger, publication_id, _as(window, "key:window-2", 1))


def test_a_publication_is_submitted_by_a_platform(clocked_ledger: LedgerApplication) -> None:
    with pytest.raises(WrongPlatformKindError):
        _submit(clocked_ledger, _as(None, "key:admin"))


def test_another_windows_unpublished_publication_does_not_exist_for_a_window(
    clocked_ledger: LedgerApplication, network: tuple[UUID, UUID, UUID]
) -> None:
    _, window, other = network
    publication_id = _submit(clocked_ledger, _as(window, "key:window")).resource_id

    with pytest.raises(PublicationNotFoundError):
        _withdraw(clocked_ledger, publication_id, "不当", _as(other, "key:other", 1))


def test_a_window_cannot_withdraw_another_windows_published_item_but_the_hub_can(
    clocked_ledger: LedgerApplication, network: tuple[UUID, UUID, UUID]
) -> None:
    hub, window, other = network
    publication_id = _submit(clocked_ledger, _as(window, "key:window")).resource_id
    _approve(clocked_ledger, publication_id, _as(hub, "key:hub", 1))
    publishing = PublishPublication(publication_id=publication_id, channel="")
    act(clocked_ledger, publishing, _as(window, "key:w", 2))

    with pytest.raises(NotPublicationOwnerError):
        _withdraw(clocked_ledger, publication_id, "不当", _as(other, "key:other", 3))
    outcome = _withdraw(clocked_ledger, publication_id, "内容过时", _as(hub, "key:hub", 3))

    assert outcome.body["status"] == PublicationStatus.WITHDRAWN.value


def test_a_platform_submits_under_one_reference_once_and_others_may_reuse_it(
    clocked_ledger: LedgerApplication, network: tuple[UUID, UUID, UUID]
) -> None:
    _, window, other = network
    mine = _submit(clocked_ledger, _as(window, "key:window"))

    with pytest.raises(PublicationExistsError):
        _submit(clocked_ledger, _as(window, "key:window"))
    theirs = _submit(clocked_ledger, _as(other, "key:other"))

    assert mine.resource_id != theirs.resource_id


def test_a_revoked_window_submits_nothing(
    clocked_ledger: LedgerApplication, network: tuple[UUID, UUID, UUID]
) -> None:
    _, window, _ = network
    bureau = _as(None, "key:bureau")

    def step(action: StandingStep) -> None:
        act(clocked_ledger, ChangePlatformStanding(subject_id=window, step=action), bureau)

    step(
        OrderRectification(
            deadline=date(2026, 3, 31), reasons="不合格", citation="reason:data_reports_late"
        )
    )
    step(FailRecheck(reasons="复查不合格"))
    step(RequestRevocation(reasons="整改不到位"))
    step(Revoke(reasons="撤销资格"))

    with pytest.raises(RevokedError):
        _submit(clocked_ledger, _as(window, "key:window", 1))
