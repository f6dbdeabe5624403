"""Publications with content review (Art. 6.2): submitted, reviewed by another key, published."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from ledger.domain import ids
from ledger.domain.envelope import Envelope
from ledger.domain.publication import Publication, PublicationKind, PublicationStatus
from tests.unit.builders import refusal_code

WINDOW_ID = UUID("00000000-0000-4000-8000-000000000001")
OTHER_WINDOW_ID = UUID("00000000-0000-4000-8000-000000000002")
HUB_ID = UUID("00000000-0000-4000-8000-0000000000a1")
SUBMITTED_AT = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def meta(platform_id: UUID = WINDOW_ID, actor: str = "key:window", hours: float = 1) -> Envelope:
    return Envelope(
        actor=actor,
        platform_id=platform_id,
        correlation_id="req-test",
        causation_id=None,
        occurred_at=SUBMITTED_AT + timedelta(hours=hours),
    )


HUB = meta(HUB_ID, "key:hub-reviewer")


def submitted(**overrides: object) -> Publication:
    fields: dict[str, object] = {
        "platform_id": WINDOW_ID,
        "external_ref": "PUB-001",
        "kind": PublicationKind.POLICY,
        "title": " 2026年技术改造补助申报指南 ",
        "body": "申报时间为……",
        "content_sha256": None,
        "summary": "",
        "category": "100200",
        "meta": meta(hours=0),
        **overrides,
    }
    # The overrides are loosely typed on purpose: tests send wrong values too.
    return Publication.submit(**fields)  # type: ignore[arg-type]


def approved() -> Publication:
    publication = submitted()
    publication.approve(note="内容合规", meta=HUB)
    return publication


def published() -> Publication:
    publication = approved()
    publication.publish(channel="https://yc.example/news/1", meta=meta(hours=2))
    return publication


def rejected() -> Publication:
    publication = submitted()
    publication.reject(reasons="含未经核实的数据", meta=HUB)
    return publication


def withdrawn() -> Publication:
    publication = published()
    publication.withdraw(reason="政策已更新", meta=meta(hours=3))
    return publication


def _code(action: Callable[[], object]) -> str:
    return refusal_code(action)


def test_a_platform_submits_a_publication_for_itself() -> None:
    publication = submitted()

    assert publication.status is PublicationStatus.SUBMITTED
    assert publication.platform_id == WINDOW_ID
    assert publication.title == "2026年技术改造补助申报指南"
    assert publication.id == ids.publication_id(WINDOW_ID, "PUB-001")
    assert not publication.is_public


def test_a_platform_cannot_submit_for_another() -> None:
    assert _code(lambda: submitted(platform_id=OTHER_WINDOW_ID)) == "not_publication_owner"


def test_a_document_is_submitted_by_its_digest_and_summary() -> None:
    publication = submitted(body="", content_sha256="EF" * 32, summary="政策全文见附件")

    assert publication.content_sha256 == "ef" * 32
    assert publication.summary == "政策全文见附件"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        pytest.param({"body": "  "}, "publication_content_missing", id="no-content"),
        pytest.param({"content_sha256": "ef" * 16}, "invalid_sha256", id="bad-digest"),
        pytest.param({"category": "18"}, "unknown_category", id="unknown-category"),
    ],
)
def test_a_publication_with_wrong_content_is_refused(
    overrides: dict[str, object], code: str
) -> None:
    assert _code(lambda: submitted(**overrides)) == code


def test_a_publication_needs_no_category() -> None:
    assert submitted(category=None).category is None


def test_the_hub_approves_a_submission() -> None:
    publication = approved()

    assert publication.status is PublicationStatus.APPROVED
    assert publication.review_note == "内容合规"


@pytest.mark.parametrize("review", ["approve", "reject"])
def test_the_key_that_submitted_cannot_review(review: str) -> None:
    publication = submitted(platform_id=HUB_ID, meta=meta(HUB_ID, "key:hub-editor", hours=0))
    same_key = meta(HUB_ID, "key:hub-editor")

    if review == "approve":
        code = _code(lambda: publication.approve(note="", meta=same_key))
    else:
        code = _code(lambda: publication.reject(reasons="不合规", meta=same_key))

    assert code == "self_review_not_allowed"
    assert publication.status is PublicationStatus.SUBMITTED


def test_a_rejection_states_its_reasons() -> None:
    publication = submitted()

    assert _code(lambda: publication.reject(reasons="", meta=HUB)) == "reasons_required"


def test_the_submitter_publishes_what_was_approved() -> None:
    publication = published()

    assert publication.status is PublicationStatus.PUBLISHED
    assert publication.is_public
    assert publication.channel == "https://yc.example/news/1"
    assert publication.published_at == SUBMITTED_AT + timedelta(hours=2)


def test_another_platform_cannot_publish_it() -> None:
    publication = approved()

    code = _code(lambda: publication.publish(channel="", meta=meta(HUB_ID, "key:hub")))

    assert code == "not_publication_owner"


@pytest.mark.parametrize(
    ("build", "step"),
    [
        pytest.param(
            submitted, lambda p: p.publish(channel="", meta=meta()), id="publish-unreviewed"
        ),
        pytest.param(approved, lambda p: p.approve(note="", meta=HUB), id="approve-twice"),
        pytest.param(
            published, lambda p: p.reject(reasons="迟到", meta=HUB), id="reject-published"
        ),
        pytest.param(published, lambda p: p.publish(channel="", meta=meta()), id="publish-twice"),
        pytest.param(rejected, lambda p: p.approve(note="", meta=HUB), id="approve-rejected"),
        pytest.param(
            rejected, lambda p: p.withdraw(reason="撤回", meta=meta()), id="withdraw-rejected"
        ),
        pytest.param(
            withdrawn, lambda p: p.withdraw(reason="撤回", meta=meta()), id="withdraw-twice"
        ),
        pytest.param(
            withdrawn, lambda p: p.publish(channel="", meta=meta()), id="publish-withdrawn"
        ),
    ],
)
def test_a_step_out_of_order_is_refused(
    build: Callable[[], Publication], step: Callable[[Publication], None]
) -> None:
    publication = build()
    version = publication.version

    assert _code(lambda: step(publication)) == "publication_step_out_of_order"
    assert publication.version == version


@pytest.mark.parametrize("build", [submitted, approved, published])
def test_a_publication_can_be_withdrawn_until_it_is_closed(
    build: Callable[[], Publication],
) -> None:
    publication = build()

    publication.withdraw(reason=" 政策已更新 ", meta=meta(hours=3))

    assert publication.status is PublicationStatus.WITHDRAWN
    assert publication.withdrawal_reason == "政策已更新"
    assert not publication.is_public


def test_a_withdrawal_states_its_reason() -> None:
    assert _code(lambda: published().withdraw(reason="", meta=meta(hours=3))) == "reasons_required"


def test_a_review_cannot_predate_the_submission() -> None:
    publication = submitted()

    code = _code(lambda: publication.approve(note="", meta=meta(HUB_ID, "key:hub", hours=-1)))

    assert code == "occurred_before_submission"
