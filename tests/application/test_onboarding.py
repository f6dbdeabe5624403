"""Onboarding on SQLite: from the application filed with the hub to a window recording services."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

import pytest

from ledger.application.app import LedgerApplication
from ledger.application.commands.access_keys import IssueKey
from ledger.application.commands.onboarding import (
    ApproveOnboarding,
    ConnectOnboardedWindow,
    FileOnboardingObjection,
    ResolveOnboardingObjection,
    SubmitOnboardingApplication,
    WithdrawOnboarding,
)
from ledger.application.context import IdempotencyRequest
from ledger.application.handlers.onboarding import OnboardingApplications
from ledger.application.queries.access_keys import authenticate
from ledger.application.queries.onboarding import list_onboarding_applications
from ledger.application.queries.participants import list_platforms
from ledger.application.writes import Outcome
from ledger.domain import ids
from ledger.domain.access_key import Role
from ledger.domain.envelope import Envelope
from ledger.domain.errors import (
    ApplicantAlreadyConnectedError,
    ApplicationPendingError,
    NoticeNotEndedError,
    ObjectionNotFoundError,
    OnboardingApplicationExistsError,
    OnboardingApplicationNotFoundError,
)
from ledger.domain.onboarding import ApplicationStatus, OnboardingApplication
from ledger.domain.platform import Platform, PlatformKind
from ledger.domain.public_notice import ObjectionOutcome
from ledger.domain.service_case import CaseStatus, ServiceCase

# Each step is recorded on the day it happened, as the ledger would have recorded it.
from tests.acting import CaughtUp, assert_refused_unrecorded
from tests.acting import act_on_its_day as act
from tests.application.onboarding_support import (  # with the fixtures clock, hub_id, experts
    AFTER_NOTICE,
    APPLICANT_USCC,
    MATERIALS,
    SECOND_APPLICANT_USCC,
    bring_to_notice,
    clock_after_the_notice,  # noqa: F401
    during_notice,
    hub_meta,
    register_enterprise_at,
    register_platform_at,
    registered_experts,  # noqa: F401
    registered_hub,  # noqa: F401
    submit,
)
from tests.application.support import (
    ENTERPRISE_USCC,
    assign,
    close,
    deliver,
    envelope,
    open_case,
    step_case,
)


@pytest.fixture
def in_notice(clocked_ledger: LedgerApplication, hub_id: UUID, experts: list[UUID]) -> UUID:
    application_id = submit(clocked_ledger, hub_id)
    bring_to_notice(clocked_ledger, hub_id, application_id, experts)
    return application_id


def test_a_window_goes_from_application_to_recording_services(
    clocked_ledger: LedgerApplication, hub_id: UUID, experts: list[UUID]
) -> None:
    ledger = clocked_ledger
    application_id = submit(ledger, hub_id)
    bring_to_notice(ledger, hub_id, application_id, experts)
    act(
        ledger,
        FileOnboardingObjection(
            application_id=application_id,
            objector="某企业",
            grounds="服务场地与申报不符",
            evidence_sha256=None,
        ),
        hub_meta(hub_id, during_notice(1)),
    )
    act(
        ledger,
        ResolveOnboardingObjection(
            application_id=application_id,
            number=1,
            outcome=ObjectionOutcome.DISMISSED,
            reasons="经实地核查，场地相符",
        ),
        hub_meta(None, during_notice(2), actor="key:bureau"),
    )

    connected = act(
        ledger,
        ConnectOnboardedWindow(application_id=application_id),
        hub_meta(hub_id, AFTER_NOTICE),
    )

    assert connected.body["status"] == "connected"
    window_id = UUID(connected.body["platform_id"])
    assert window_id == ids.platform_id(APPLICANT_USCC)
    platform = ledger.get(Platform, window_id)
    assert platform.kind is PlatformKind.WINDOW
    assert platform.is_connected
    assert platform.application_id == application_id
    assert platform.categories == ["10", "14"]
    assert window_id in [p.id for p in list_platforms(ledger, CaughtUp(ledger))]

    key = act(
        ledger,
        IssueKey(role=Role.WINDOW, platform_id=window_id, name="固原窗口"),
        hub_meta(None, AFTER_NOTICE),
    )
    assert authenticate(ledger, key.secret) is not None
    register_enterprise_at(ledger, ENTERPRISE_USCC)
    meta = envelope(window_id, occurred_at=AFTER_NOTICE)
    case = open_case(ledger, window_id, "GY-2026-0001", meta=meta, then=[assign(meta)])
    step_case(ledger, case.resource_id, deliver(meta), meta)
    step_case(ledger, case.resource_id, close(meta), meta)
    assert ledger.get(ServiceCase, case.resource_id).status is CaseStatus.CLOSED


def test_the_connection_and_the_platform_are_one_save(
    clocked_ledger: LedgerApplication, hub_id: UUID, in_notice: UUID
) -> None:
    meta = hub_meta(hub_id, AFTER_NOTICE)

    outcome = act(clocked_ledger, ConnectOnboardedWindow(application_id=in_notice), meta)

    assert outcome.event_types == (
        "OnboardingApplication.Connected",
        "Platform.ConnectedAfterOnboarding",
        "Claim.Released",  # the applicant may not apply again: it is connected
    )
    (connected,) = clocked_ledger.history(in_notice)[-1:]
    (created,) = clocked_ledger.history(ids.platform_id(APPLICANT_USCC))
    assert created.position == connected.position + 1 == clocked_ledger.head_position() - 1
    assert vars(created.event)["meta"] == vars(connected.event)["meta"] == meta
    assert vars(created.event)["application_id"] == in_notice


def test_connecting_before_the_notice_ends_records_nothing(
    clocked_ledger: LedgerApplication, hub_id: UUID, in_notice: UUID
) -> None:
    head = clocked_ledger.head_position()

    with pytest.raises(NoticeNotEndedError) as excinfo:
        act(
            clocked_ledger,
            ConnectOnboardedWindow(application_id=in_notice),
            hub_meta(hub_id, during_notice(4)),
        )

    assert excinfo.value.code == "notice_not_ended"
    assert clocked_ledger.head_position() == head
    assert ids.platform_id(APPLICANT_USCC) not in clocked_ledger.repository


def test_an_upheld_objection_ends_the_application_without_a_platform(
    clocked_ledger: LedgerApplication, hub_id: UUID, in_notice: UUID
) -> None:
    act(
        clocked_ledger,
        FileOnboardingObjection(
            application_id=in_notice, objector="", grounds="申报材料造假", evidence_sha256="ab" * 32
        ),
        hub_meta(hub_id, during_notice(0)),
    )

    outcome = act(
        clocked_ledger,
        ResolveOnboardingObjection(
            application_id=in_notice,
            number=1,
            outcome=ObjectionOutcome.UPHELD,
            reasons="经核实属实",
        ),
        hub_meta(None, during_notice(3), actor="key:bureau"),
    )

    assert outcome.body["status"] == "refused_after_notice"
    assert outcome.body["objections"][0]["outcome"] == "upheld"


def test_resolving_an_objection_that_was_never_made_is_not_found(
    clocked_ledger: LedgerApplication, in_notice: UUID
) -> None:
    with pytest.raises(ObjectionNotFoundError):
        act(
            clocked_ledger,
            ResolveOnboardingObjection(
                application_id=in_notice, number=1, outcome=ObjectionOutcome.DISMISSED, reasons="无"
            ),
            hub_meta(None, during_notice(1)),
        )


def test_an_organisation_that_is_already_a_platform_cannot_apply(
    clocked_ledger: LedgerApplication, hub_id: UUID
) -> None:
    register_platform_at(clocked_ledger, APPLICANT_USCC)
    assert_refused_unrecorded(
        clocked_ledger,
        ApplicantAlreadyConnectedError,
        "applicant_already_connected",
        lambda: submit(clocked_ledger, hub_id),
    )


def test_an_applicant_has_one_open_application_at_a_time(
    clocked_ledger: LedgerApplication, hub_id: UUID, experts: list[UUID]
) -> None:
    first = submit(clocked_ledger, hub_id, "ONB-1")
    head = clocked_ledger.head_position()

    with pytest.raises(ApplicationPendingError) as refused:
        submit(clocked_ledger, hub_id, "ONB-2")

    assert refused.value.context == {"application_id": str(first)}
    assert clocked_ledger.head_position() == head
    act(
        clocked_ledger,
        WithdrawOnboarding(application_id=first, reason="申报材料需重新准备"),
        hub_meta(hub_id),
    )
    second = submit(clocked_ledger, hub_id, "ONB-2")  # the withdrawal released the applicant
    bring_to_notice(clocked_ledger, hub_id, second, experts)
    act(
        clocked_ledger,
        ConnectOnboardedWindow(application_id=second),
        hub_meta(hub_id, AFTER_NOTICE),
    )
    with pytest.raises(ApplicantAlreadyConnectedError):
        submit(clocked_ledger, hub_id, "ONB-3")


def test_an_application_recorded_before_claims_is_still_refused_at_connection(
    clocked_ledger: LedgerApplication, hub_id: UUID, experts: list[UUID]
) -> None:
    """A log from before one-application-per-applicant may hold two open applications of one
    USCC: the second is refused when it would connect."""
    first = submit(clocked_ledger, hub_id, "ONB-1")
    older = OnboardingApplication.submit(
        external_ref="ONB-2", applicant_name="固原市中小企业服务中心", uscc=APPLICANT_USCC,
        region="640400", categories=["10", "14"], coverage="固原市原州区",
        materials_sha256=MATERIALS, meta=hub_meta(hub_id),
    )  # fmt: skip
    clocked_ledger.save(older)  # as recorded then: no claim on its applicant
    second = older.id
    for application_id in (first, second):
        bring_to_notice(clocked_ledger, hub_id, application_id, experts)
    act(
        clocked_ledger, ConnectOnboardedWindow(application_id=first), hub_meta(hub_id, AFTER_NOTICE)
    )
    head = clocked_ledger.head_position()

    with pytest.raises(ApplicantAlreadyConnectedError):
        act(
            clocked_ledger,
            ConnectOnboardedWindow(application_id=second),
            hub_meta(hub_id, AFTER_NOTICE),
        )

    assert clocked_ledger.head_position() == head
    assert clocked_ledger.get(OnboardingApplication, second).status is (ApplicationStatus.IN_NOTICE)


def test_a_platform_created_meanwhile_fails_the_whole_connection(
    clocked_ledger: LedgerApplication,
    hub_id: UUID,
    in_notice: UUID,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another writer registers the USCC after the check, before the save: nothing is saved."""
    onboarding = clocked_ledger.capability(OnboardingApplication)
    assert isinstance(onboarding, OnboardingApplications)
    check = onboarding._check_uscc_not_a_platform
    calls: list[str] = []

    def check_then_lose_the_race(uscc: str) -> None:
        calls.append(uscc)
        if len(calls) == 1:
            check(uscc)
            register_platform_at(clocked_ledger, uscc)
            return
        check(uscc)

    monkeypatch.setattr(onboarding, "_check_uscc_not_a_platform", check_then_lose_the_race)
    head = clocked_ledger.head_position()

    with pytest.raises(ApplicantAlreadyConnectedError):
        act(
            clocked_ledger,
            ConnectOnboardedWindow(application_id=in_notice),
            hub_meta(hub_id, AFTER_NOTICE),
        )

    assert clocked_ledger.head_position() == head + 1, "only the other writer's platform"
    application = clocked_ledger.get(OnboardingApplication, in_notice)
    assert application.status is ApplicationStatus.IN_NOTICE
    assert clocked_ledger.get(Platform, ids.platform_id(APPLICANT_USCC)).application_id is None


def test_the_same_filing_reference_never_records_a_second_application(
    clocked_ledger: LedgerApplication, hub_id: UUID
) -> None:
    submit(clocked_ledger, hub_id, "ONB-9")

    with pytest.raises(OnboardingApplicationExistsError) as excinfo:
        submit(clocked_ledger, hub_id, "ONB-9", SECOND_APPLICANT_USCC)

    assert excinfo.value.code == "onboarding_application_exists"


def test_a_retried_submission_with_its_idempotency_key_is_answered_from_the_record(
    clocked_ledger: LedgerApplication, hub_id: UUID
) -> None:
    def attempt() -> Outcome:
        return act(
            clocked_ledger,
            SubmitOnboardingApplication(
                external_ref="ONB-RETRY",
                applicant_name="吴忠市窗口",
                uscc=SECOND_APPLICANT_USCC,
                region="640300",
                categories=("13",),
                coverage="吴忠市",
                materials_sha256="00" * 32,
            ),
            hub_meta(hub_id),
            idempotency=IdempotencyRequest("key:hub", "k-1", "fingerprint"),
        )

    first, second = attempt(), attempt()

    assert (first.replayed, second.replayed) == (False, True)
    assert second.body == first.body
    assert (
        list_onboarding_applications(clocked_ledger, CaughtUp(clocked_ledger))[0].id
        == first.resource_id
    )


def test_applications_are_listed_in_filing_order(
    clocked_ledger: LedgerApplication, hub_id: UUID
) -> None:
    first = submit(clocked_ledger, hub_id, "ONB-A")
    second = submit(clocked_ledger, hub_id, "ONB-B", SECOND_APPLICANT_USCC)

    listed = [a.id for a in list_onboarding_applications(clocked_ledger, CaughtUp(clocked_ledger))]

    assert listed == [first, second]


@pytest.mark.parametrize(
    "acting",
    [
        pytest.param(
            lambda ledger, missing, meta: act(
                ledger, ApproveOnboarding(application_id=missing, note=""), meta
            ),
            id="approve",
        ),
        pytest.param(
            lambda ledger, missing, meta: act(
                ledger, ConnectOnboardedWindow(application_id=missing), meta
            ),
            id="connect",
        ),
    ],
)
def test_acting_on_an_application_that_does_not_exist_is_not_found(
    clocked_ledger: LedgerApplication,
    hub_id: UUID,
    acting: Callable[[LedgerApplication, UUID, Envelope], object],
) -> None:
    missing = ids.onboarding_application_id("never-filed")

    with pytest.raises(OnboardingApplicationNotFoundError):
        acting(clocked_ledger, missing, hub_meta(hub_id))


def test_a_platform_is_not_an_application(clocked_ledger: LedgerApplication, hub_id: UUID) -> None:
    with pytest.raises(OnboardingApplicationNotFoundError):
        clocked_ledger.get(OnboardingApplication, hub_id)
    assert isinstance(clocked_ledger.get(Platform, hub_id), Platform)
