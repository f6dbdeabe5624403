"""Registering platforms and enterprises, and recording service cases, on SQLite."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.participants import RegisterConnectedPlatform
from ledger.domain import ids
from ledger.domain.errors import (
    EnterpriseExistsError,
    ExternalRefExistsError,
    InvalidFeeError,
    PlatformExistsError,
    PreconditionFailedError,
    ServiceCaseNotFoundError,
    StepOutOfOrderError,
    UnknownEnterpriseError,
    WrongPlatformKindError,
)
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.service_case import CaseStatus, FeeType, ServiceCase
from tests.acting import act, assert_refused_unrecorded
from tests.application.support import (
    ENTERPRISE_USCC,
    HUB_USCC,
    WINDOW_USCC,
    assign,
    close,
    deliver,
    envelope,
    feedback,
    open_case,
    register_enterprise,
    register_platform,
    step_case,
)


def test_a_registered_platform_can_be_read_back(ledger: LedgerApplication) -> None:
    outcome = act(
        ledger,
        RegisterConnectedPlatform(
            kind=PlatformKind.WINDOW, name="银川窗口", uscc=WINDOW_USCC, region="640100"
        ),
        envelope(),
    )
    assert (outcome.created, outcome.version, outcome.position) == (True, 1, 1)
    assert outcome.resource_id == ids.platform_id(WINDOW_USCC)
    assert outcome.body["kind"] == "window"
    assert ledger.get(Platform, outcome.resource_id).name == "银川窗口"


def test_a_platform_cannot_be_registered_twice(ledger: LedgerApplication) -> None:
    register_platform(ledger)
    with pytest.raises(PlatformExistsError) as excinfo:
        register_platform(ledger, WINDOW_USCC.lower())
    assert excinfo.value.code == "platform_exists"
    assert ledger.head_position() == 1


def test_a_registered_enterprise_carries_its_size_class(ledger: LedgerApplication) -> None:
    outcome = register_enterprise(ledger)
    assert outcome.body["size_class"] == "small"
    assert outcome.body["is_sme"] is True
    assert ledger.lookups.enterprise(ENTERPRISE_USCC.lower()).id == outcome.resource_id


@pytest.mark.parametrize("second", [ENTERPRISE_USCC, ENTERPRISE_USCC.lower()])
def test_an_enterprise_cannot_be_registered_twice(ledger: LedgerApplication, second: str) -> None:
    register_enterprise(ledger)
    with pytest.raises(EnterpriseExistsError) as excinfo:
        register_enterprise(ledger, second)
    assert excinfo.value.code == "enterprise_exists"
    assert ledger.head_position() == 1


def test_a_window_opens_a_case_for_a_registered_enterprise(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    outcome = open_case(ledger, window_id)
    assert outcome.created
    assert outcome.resource_id == ids.service_case_id(window_id, "W-2026-0001")
    assert outcome.event_types == ("ServiceCase.Opened",)
    case = ledger.get(ServiceCase, outcome.resource_id)
    assert case.status is CaseStatus.OPENED
    assert case.enterprise_id == enterprise


def test_a_delivered_service_is_recorded_in_one_atomic_save(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    meta = envelope(window_id)
    outcome = open_case(
        ledger, window_id, meta=meta, then=[assign(meta), deliver(meta), feedback(meta)]
    )
    assert outcome.version == 4
    assert outcome.body["status"] == "feedback_received"
    assert outcome.event_types == (
        "ServiceCase.Opened",
        "ServiceCase.Assigned",
        "ServiceCase.Delivered",
        "ServiceCase.FeedbackReceived",
    )
    history = ledger.history(outcome.resource_id)
    positions = [e.position for e in history]
    first = positions[0]
    assert positions == [first, first + 1, first + 2, first + 3]
    assert [e.event.originator_version for e in history] == [1, 2, 3, 4]
    assert [vars(e.event)["meta"] for e in history] == [meta] * 4
    assert outcome.position == positions[-1] == ledger.head_position()


def test_a_one_call_record_with_a_refused_step_records_nothing(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    meta = envelope(window_id)
    head = ledger.head_position()
    bad_fee = deliver(meta, FeeType.PAID, "0")
    with pytest.raises(InvalidFeeError):
        open_case(ledger, window_id, meta=meta, then=[assign(meta), bad_fee])
    assert ledger.head_position() == head
    with pytest.raises(ServiceCaseNotFoundError):
        ledger.get(ServiceCase, ids.service_case_id(window_id, "W-2026-0001"))


def test_the_same_external_ref_never_opens_a_second_case(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    open_case(ledger, window_id)
    assert_refused_unrecorded(
        ledger, ExternalRefExistsError, "external_ref_exists", lambda: open_case(ledger, window_id)
    )


def test_another_window_may_use_the_same_external_ref(
    ledger: LedgerApplication, window_id: UUID, other_window_id: UUID, enterprise: UUID
) -> None:
    mine = open_case(ledger, window_id, "REF-1")
    theirs = open_case(ledger, other_window_id, "REF-1")
    assert mine.resource_id != theirs.resource_id
    assert ledger.get(ServiceCase, theirs.resource_id).window_id == other_window_id


def test_a_case_for_an_unknown_enterprise_is_refused(
    ledger: LedgerApplication, window_id: UUID
) -> None:
    with pytest.raises(UnknownEnterpriseError) as excinfo:
        open_case(ledger, window_id)
    assert excinfo.value.code == "unknown_enterprise"
    assert ledger.head_position() == 1


def test_a_hub_does_not_record_cases(ledger: LedgerApplication, enterprise: UUID) -> None:
    hub_id = register_platform(ledger, HUB_USCC, PlatformKind.HUB)
    with pytest.raises(WrongPlatformKindError):
        open_case(ledger, hub_id)


def test_a_case_is_not_recorded_without_an_acting_platform(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    with pytest.raises(WrongPlatformKindError):
        open_case(ledger, window_id, meta=envelope(None))


def test_another_windows_case_is_reported_as_not_found(
    ledger: LedgerApplication, window_id: UUID, other_window_id: UUID, enterprise: UUID
) -> None:
    case_id = open_case(ledger, window_id).resource_id
    meta = envelope(other_window_id)
    with pytest.raises(ServiceCaseNotFoundError) as excinfo:
        step_case(ledger, case_id, assign(meta), meta)
    assert excinfo.value.code == "service_case_not_found"
    assert ledger.get(ServiceCase, case_id).version == 1


def test_another_windows_case_is_not_found_whatever_version_is_named(
    ledger: LedgerApplication, window_id: UUID, other_window_id: UUID, enterprise: UUID
) -> None:
    case_id = open_case(ledger, window_id).resource_id
    meta = envelope(other_window_id)
    with pytest.raises(ServiceCaseNotFoundError):
        step_case(ledger, case_id, assign(meta), meta, expected_version=7)


@pytest.mark.parametrize("stream", ["missing", "platform"])
def test_acting_on_something_that_is_not_a_case_is_not_found(
    ledger: LedgerApplication, window_id: UUID, stream: str
) -> None:
    stream_id = window_id if stream == "platform" else UUID(int=42)
    meta = envelope(window_id)
    with pytest.raises(ServiceCaseNotFoundError):
        step_case(ledger, stream_id, assign(meta), meta)


def test_a_stale_expected_version_is_refused(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    case_id = open_case(ledger, window_id).resource_id
    meta = envelope(window_id)
    step_case(ledger, case_id, assign(meta), meta, expected_version=1)
    with pytest.raises(PreconditionFailedError) as excinfo:
        step_case(ledger, case_id, deliver(meta), meta, expected_version=1)
    assert excinfo.value.code == "version_mismatch"
    assert excinfo.value.context == {"current_version": 2}
    assert step_case(ledger, case_id, deliver(meta), meta, expected_version=2).version == 3


def test_a_refused_step_records_nothing(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    case_id = open_case(ledger, window_id).resource_id
    head = ledger.head_position()
    meta = envelope(window_id)
    with pytest.raises(StepOutOfOrderError):
        step_case(ledger, case_id, close(meta), meta)
    assert ledger.head_position() == head
    assert ledger.get(ServiceCase, case_id).status is CaseStatus.OPENED


def test_a_case_can_be_read_as_it_stood_at_an_earlier_version(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    meta = envelope(window_id)
    case_id = open_case(
        ledger, window_id, meta=meta, then=[assign(meta), deliver(meta)]
    ).resource_id
    step_case(ledger, case_id, close(meta), meta)
    statuses = [ledger.get(ServiceCase, case_id, version=v).status for v in (1, 2, 3, 4)]
    assert statuses == [
        CaseStatus.OPENED,
        CaseStatus.ASSIGNED,
        CaseStatus.DELIVERED,
        CaseStatus.CLOSED,
    ]
    with pytest.raises(ServiceCaseNotFoundError, match="no version 5"):
        ledger.get(ServiceCase, case_id, version=5)


def test_a_case_can_be_read_as_it_stood_at_a_moment_between_two_events(
    ledger: LedgerApplication, window_id: UUID, enterprise: UUID
) -> None:
    case_id = open_case(ledger, window_id).resource_id
    opened = ledger.history(case_id)[0].event.timestamp
    meta = envelope(window_id)
    step_case(ledger, case_id, assign(meta), meta)
    assigned = ledger.history(case_id)[1].event.timestamp
    assert opened < assigned
    between = opened + (assigned - opened) / 2

    as_of = ledger.get_as_of(case_id, ServiceCase, between, ServiceCaseNotFoundError)
    assert (as_of.version, as_of.status) == (1, CaseStatus.OPENED)
    now = ledger.get_as_of(case_id, ServiceCase, assigned, ServiceCaseNotFoundError)
    assert (now.version, now.status) == (2, CaseStatus.ASSIGNED)
    with pytest.raises(ServiceCaseNotFoundError):
        ledger.get_as_of(
            case_id, ServiceCase, opened - timedelta(microseconds=1), ServiceCaseNotFoundError
        )


def test_history_positions_increase_and_match_the_log(
    ledger: LedgerApplication, window_id: UUID, other_window_id: UUID, enterprise: UUID
) -> None:
    mine = open_case(ledger, window_id, "A").resource_id
    open_case(ledger, other_window_id, "B")  # interleaved: positions need not be contiguous
    meta = envelope(window_id)
    step_case(ledger, mine, assign(meta), meta)

    history = ledger.history(mine)
    positions = [e.position for e in history]
    assert positions == sorted(set(positions))
    assert positions[1] - positions[0] == 2
    log = {e.position: e for e in ledger.log_page(after=0, limit=100)}
    for logged in history:
        assert log[logged.position].event.originator_id == mine
        assert log[logged.position].event.originator_version == logged.event.originator_version
        assert log[logged.position].topic == logged.topic
    assert [e.position for e in ledger.log_page(after=0, limit=100)] == list(range(1, 7))
