"""Enterprises and platforms enter the ledger with validated codes and derived stream ids."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.domain import ids
from ledger.domain.enterprise import Enterprise
from ledger.domain.errors import RuleViolationError
from ledger.domain.platform import Platform, PlatformKind, PlatformStatus
from ledger.domain.values import SizeClass
from tests.unit.builders import meta

USCC = "91640104MA71TJ3Y8G"


def _enterprise(
    *,
    uscc: str = USCC,
    region: str = "640104",
    industry: str = "software_it",
    employees: int = 12,
    revenue_wan: Decimal = Decimal("80"),
) -> Enterprise:
    return Enterprise.register(
        uscc=uscc,
        name="  银川某软件有限公司 ",
        region=region,
        industry=industry,
        employees=employees,
        revenue_wan=revenue_wan,
        meta=meta(None),
    )


def test_an_enterprise_is_recorded_with_its_size_class() -> None:
    enterprise = _enterprise()
    assert enterprise.uscc == USCC
    assert enterprise.name == "银川某软件有限公司"
    assert enterprise.region == "640104"
    assert enterprise.industry == "software_it"
    assert enterprise.employees == 12
    assert str(enterprise.revenue_wan) == "80.00"
    assert enterprise.size_class is SizeClass.SMALL
    assert enterprise.is_sme


def test_the_size_class_is_stored_in_the_registered_event() -> None:
    (registered,) = _enterprise(employees=350, revenue_wan=Decimal(10000)).collect_events()
    assert isinstance(registered, Enterprise.Registered)
    assert registered.size_class == "large"
    assert registered.meta == meta(None)


def test_a_large_enterprise_is_not_an_sme() -> None:
    enterprise = _enterprise(employees=300, revenue_wan=Decimal(10000))
    assert enterprise.size_class is SizeClass.LARGE
    assert not enterprise.is_sme


def test_an_enterprise_with_no_revenue_yet_is_micro() -> None:
    assert _enterprise(revenue_wan=Decimal(0)).size_class is SizeClass.MICRO


def test_an_enterprise_stream_id_is_derived_from_its_upper_cased_uscc() -> None:
    enterprise = _enterprise(uscc=USCC.lower())
    assert enterprise.uscc == USCC
    assert enterprise.id == ids.enterprise_id(USCC)


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"uscc": "91640104MA71TJ3Y8H"}, "invalid_uscc"),
        ({"region": "110000"}, "unknown_region"),
        ({"industry": "construction"}, "unknown_industry"),
        ({"revenue_wan": Decimal("-1")}, "invalid_amount"),
        ({"revenue_wan": Decimal("1.234")}, "invalid_amount"),
    ],
)
def test_an_enterprise_with_a_wrong_value_is_refused_with_its_code(
    overrides: dict[str, object], code: str
) -> None:
    with pytest.raises(RuleViolationError) as excinfo:
        _enterprise(**overrides)  # type: ignore[arg-type]
    assert excinfo.value.code == code


def test_a_negative_number_of_employees_is_refused() -> None:
    with pytest.raises(RuleViolationError):
        _enterprise(employees=-1)


def _platform(kind: PlatformKind = PlatformKind.WINDOW, uscc: str = USCC) -> Platform:
    return Platform.register_connected(
        kind=kind, name=" 银川市中小企业服务窗口 ", uscc=uscc, region="640100", meta=meta(None)
    )


@pytest.mark.parametrize("kind", list(PlatformKind))
def test_a_platform_enters_the_ledger_connected(kind: PlatformKind) -> None:
    platform = _platform(kind)
    assert platform.kind is kind
    assert platform.name == "银川市中小企业服务窗口"
    assert platform.region == "640100"
    assert platform.status is PlatformStatus.CONNECTED
    assert platform.is_connected


def test_a_platform_stream_id_is_derived_from_its_upper_cased_uscc() -> None:
    platform = _platform(uscc=USCC.lower())
    assert platform.uscc == USCC
    assert platform.platform_id == platform.id == ids.platform_id(USCC)


def test_a_platform_and_an_enterprise_with_the_same_uscc_have_different_streams() -> None:
    assert _platform().id != _enterprise().id


def test_the_connected_event_carries_its_envelope() -> None:
    (registered,) = _platform().collect_events()
    assert isinstance(registered, Platform.RegisteredAsConnected)
    assert registered.meta == meta(None)


@pytest.mark.parametrize(
    ("uscc", "region", "code"),
    [
        ("91640104MA71TJ3Y8", "640100", "invalid_uscc"),
        (USCC, "650100", "unknown_region"),
    ],
)
def test_a_platform_with_a_wrong_code_is_refused(uscc: str, region: str, code: str) -> None:
    with pytest.raises(RuleViolationError) as excinfo:
        Platform.register_connected(
            kind=PlatformKind.HUB, name="Hub", uscc=uscc, region=region, meta=meta(None)
        )
    assert excinfo.value.code == code
