"""The expert pool: experts registered with validated fields, deactivated once."""

from __future__ import annotations

import pytest

from ledger.domain import ids
from ledger.domain.errors import RuleViolationError
from ledger.domain.expert import Expert
from tests.unit.onboarding_builders import FILED_AT, at, expert


def test_an_expert_is_registered_with_sorted_distinct_fields_and_is_active() -> None:
    pooled = Expert.register(
        external_ref="EXP-7",
        name=" 李明 ",
        fields=["140300", "10", "140300"],
        organisation=" 宁夏大学 ",
        title="教授",
        meta=at(FILED_AT),
    )

    assert (pooled.name, pooled.organisation, pooled.title) == ("李明", "宁夏大学", "教授")
    assert pooled.fields == ["10", "140300"]
    assert pooled.active
    assert pooled.registered_at == FILED_AT


def test_an_expert_stream_id_is_derived_from_the_hubs_pool_reference() -> None:
    assert expert(3).id == ids.expert_id("EXP-003")
    assert expert(3).id != expert(4).id


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        pytest.param([], "categories_required", id="no-fields"),
        pytest.param(["18"], "unknown_category", id="unknown-field"),
    ],
)
def test_an_expert_without_valid_fields_is_refused(fields: list[str], code: str) -> None:
    with pytest.raises(RuleViolationError) as excinfo:
        Expert.register(
            external_ref="EXP-8",
            name="王芳",
            fields=fields,
            organisation="",
            title="",
            meta=at(FILED_AT),
        )

    assert excinfo.value.code == code


def test_a_deactivated_expert_keeps_the_reason() -> None:
    pooled = expert(active=False)

    assert not pooled.active
    assert pooled.deactivation_reason == "退出专家库"


def test_an_expert_is_deactivated_once() -> None:
    pooled = expert(active=False)

    with pytest.raises(RuleViolationError) as excinfo:
        pooled.deactivate(reason="again", meta=at(FILED_AT))

    assert excinfo.value.code == "expert_already_deactivated"


def test_a_deactivation_needs_a_reason() -> None:
    with pytest.raises(RuleViolationError) as excinfo:
        expert().deactivate(reason="  ", meta=at(FILED_AT))

    assert excinfo.value.code == "reasons_required"
