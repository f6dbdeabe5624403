"""A case is assigned to an institution by its id (so an agreement can be checked at delivery),
and assignments stored before ids existed still load."""

from __future__ import annotations

from uuid import UUID

import orjson
import pytest
from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.utils import get_topic

from ledger.domain.errors import InstitutionNotIdentifiedError, ProviderIdNotAllowedError
from ledger.domain.service_case import Assignment, CaseStatus, ProviderKind, ServiceCase
from ledger.persistence.transcoder import ledger_transcoder
from tests.unit.builders import INSTITUTION_ID, WINDOW_ID, later, opened_case


def _mapper() -> Mapper[UUID]:
    return Mapper(ledger_transcoder())


def test_an_institution_is_assigned_by_its_id_and_the_event_records_it() -> None:
    case = opened_case()
    case.assign(
        Assignment(ProviderKind.INSTITUTION, "宁夏知识产权服务中心", INSTITUTION_ID), later(1)
    )

    event = case.collect_events()[-1]
    assert isinstance(event, ServiceCase.Assigned)
    assert event.provider_id == INSTITUTION_ID
    assert case.assignment == Assignment(
        ProviderKind.INSTITUTION, "宁夏知识产权服务中心", INSTITUTION_ID
    )


def test_an_institution_named_without_its_id_is_refused() -> None:
    case = opened_case()

    with pytest.raises(InstitutionNotIdentifiedError) as raised:
        case.assign(Assignment(ProviderKind.INSTITUTION, "宁夏知识产权服务中心"), later(1))

    assert raised.value.code == "institution_not_identified"
    assert case.status is CaseStatus.OPENED


def test_an_expert_is_named_without_an_id() -> None:
    case = opened_case()

    with pytest.raises(ProviderIdNotAllowedError) as raised:
        case.assign(Assignment(ProviderKind.EXPERT, "王教授", INSTITUTION_ID), later(1))

    assert raised.value.code == "provider_id_not_allowed"
    case.assign(Assignment(ProviderKind.EXPERT, "王教授"), later(1))
    assert case.assignment == Assignment(ProviderKind.EXPERT, "王教授", None)


def test_an_assignment_stored_before_provider_ids_still_loads() -> None:
    case = opened_case()
    # Exactly what version 1 of the event stored: no class_version, no provider_id.
    state = {
        "timestamp": {"_type_": "datetime_iso", "_data_": "2026-03-02T02:30:00+00:00"},
        "meta": {
            "_type_": "envelope",
            "_data_": {
                "actor": "key:test",
                "platform_id": {"_type_": "uuid_hex", "_data_": WINDOW_ID.hex},
                "correlation_id": "req-old",
                "causation_id": None,
                "occurred_at": {"_type_": "datetime_iso", "_data_": "2026-03-02T02:30:00+00:00"},
            },
        },
        "provider_kind": "institution",
        "provider_name": "宁夏会计服务所",
    }
    stored = StoredEvent(case.id, 2, get_topic(ServiceCase.Assigned), orjson.dumps(state))

    event = _mapper().to_domain_event(stored)

    assert isinstance(event, ServiceCase.Assigned)
    # Upcast, not only defaulted: the event's own data (as history shows it) has the field.
    assert vars(event)["provider_id"] is None
    assert event.provider_name == "宁夏会计服务所"
    event.mutate(case)
    assert case.assignment == Assignment(ProviderKind.INSTITUTION, "宁夏会计服务所", None)
    assert case.status is CaseStatus.ASSIGNED


def test_an_assignment_with_an_id_survives_the_store() -> None:
    case = opened_case()
    case.assign(
        Assignment(ProviderKind.INSTITUTION, "宁夏知识产权服务中心", INSTITUTION_ID), later(1)
    )
    event = case.collect_events()[-1]
    mapper = _mapper()

    stored = mapper.to_stored_event(event)
    copy = mapper.to_domain_event(stored)

    assert orjson.loads(stored.state)["class_version"] == 2
    assert isinstance(copy, ServiceCase.Assigned)
    assert copy.provider_id == INSTITUTION_ID
    assert vars(copy) == vars(event)
