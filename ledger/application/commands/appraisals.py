"""Annual appraisals (年度绩效考核, Art. 11-13): recorded for one subject and year from figures
read at a fixed log position, scored by experts, concluded with their consequence on the subject.

Reading the figures is the views' business (``projections.appraisal``): whoever records an
appraisal reads them first and puts them in the command, with the position they were read at.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from ledger.application.capability import Command
from ledger.application.writes import Outcome
from ledger.domain.schemes import Scheme


@dataclass(frozen=True, kw_only=True)
class RecordAppraisal(Command[Outcome]):
    """Record the appraisal of one subject for ``year`` from ``figures`` read at ``position``
    (as on ``as_on``), scored by ``scheme``."""

    subject_id: UUID
    year: int
    scheme: Scheme
    position: int
    as_on: date
    figures: dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class AddExpertScore(Command[Outcome]):
    """Add the score of an expert of the pool to an open appraisal."""

    appraisal_id: UUID
    expert_id: UUID
    score: int
    opinion: str = ""


@dataclass(frozen=True, kw_only=True)
class ConcludeAppraisal(Command[Outcome]):
    """Fix the total and grade, and apply the consequence to the subject in the same save."""

    appraisal_id: UUID


@dataclass(frozen=True, kw_only=True)
class SupersedeAppraisal(Command[Outcome]):
    """Void an appraisal with the reason, so that its subject's year is appraised again."""

    appraisal_id: UUID
    reason: str
