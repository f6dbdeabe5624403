"""Views of appraisals."""

from __future__ import annotations

from ledger.application.interface import JSON, common, plain
from ledger.domain.appraisal import Appraisal


def appraisal_view(appraisal: Appraisal) -> JSON:
    return {
        **common(appraisal),
        "subject_kind": appraisal.subject_kind,
        "subject_id": plain(appraisal.subject_id),
        "year": appraisal.year,
        "scheme": {
            "id": appraisal.scheme.get("id"),
            "version": appraisal.scheme.get("version"),
            "digest": appraisal.scheme_digest,
        },
        "position": appraisal.position,
        "as_on": plain(appraisal.as_on),
        "figures": plain(appraisal.figures),
        "scores": plain(appraisal.scores),
        "indicators_total": str(appraisal.indicators_total),
        "expert_scores": {str(k): v for k, v in appraisal.expert_scores.items()},
        "expert_average": plain(appraisal.expert_average),
        "total": plain(appraisal.total),
        "grade": appraisal.grade,
        "consequence": appraisal.consequence,
        "status": "concluded" if appraisal.is_concluded else "open",
    }
