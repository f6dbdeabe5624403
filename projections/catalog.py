"""Every view the daemon maintains."""

from __future__ import annotations

from projections.base import Projection
from projections.registry import RegistryProjection
from projections.service_cases import CaseFactsProjection


def all_projections() -> list[Projection]:
    return [RegistryProjection(), CaseFactsProjection()]
