"""The views declare each enum's values as a ``Literal``: the document lists what a field may
hold, so every such name must hold exactly its enum's values."""

from __future__ import annotations

from enum import Enum
from typing import Any, get_args

import pytest

from ledger.application.commands.cases import ImportStatus
from ledger.application.interface import names
from ledger.domain.access_key import Role
from ledger.domain.case_values import CaseStatus, Channel, DeliveryMode, FeeType, ProviderKind
from ledger.domain.institution import InstitutionStatus
from ledger.domain.personal_data import ErasureGround
from ledger.domain.platform import PlatformKind, PlatformStatus
from ledger.domain.standing import Standing
from ledger.domain.values import SizeClass

PAIRS: list[tuple[Any, type[Enum]]] = [
    (names.SizeClassName, SizeClass),
    (names.RoleName, Role),
    (names.ErasureGroundName, ErasureGround),
    (names.CaseStatusName, CaseStatus),
    (names.ChannelName, Channel),
    (names.ProviderKindName, ProviderKind),
    (names.DeliveryModeName, DeliveryMode),
    (names.FeeTypeName, FeeType),
    (names.PlatformKindName, PlatformKind),
    (names.PlatformStatusName, PlatformStatus),
    (names.InstitutionStatusName, InstitutionStatus),
    (names.StandingName, Standing),
    (names.ImportStatusName, ImportStatus),
]


@pytest.mark.parametrize(("literal", "enum"), PAIRS, ids=[e.__name__ for _, e in PAIRS])
def test_a_views_name_holds_exactly_its_enums_values(literal: Any, enum: type[Enum]) -> None:
    assert set(get_args(literal)) == {member.value for member in enum}


def test_every_name_of_the_module_is_checked() -> None:
    declared = {name for name in vars(names) if name.endswith("Name")}
    literals = [literal for literal, _ in PAIRS]
    checked = {name for name, value in vars(names).items() if any(value is x for x in literals)}
    assert declared == checked
