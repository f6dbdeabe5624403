"""Appraisal inputs read at a fixed log position, and their verification.

The figures of an appraisal are read from views folded from the log *up to one position*. An
appraisal reads the live views, brought together to one position (the head of the log, or a
little past it) in the transaction that reads them (:func:`figures_now`): its cost is the
views' lag, not the log. Verifying an appraisal folds the recorded prefix again, in a private
in-memory store, with the very projections the live views use (:func:`figures_at`), and must
get identical figures (and, from the recorded scheme document, identical scores), whatever has
been appended since.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast

from ledger.application.interface import plain
from ledger.application.interface.appraisals import (
    FigureDifference,
    ScoreDifference,
    VerificationView,
)
from ledger.application.store import LedgerCore
from ledger.domain.appraisal import Appraisal
from ledger.domain.schemes import (
    EXACT,
    ROUNDED,
    SHARE_PARTS,
    IndicatorScore,
    exact_figure,
    parse_scheme,
    presented,
)
from projections.appraisal_figures import appraisal_inputs
from projections.appraisal_records import FIGURES_WITH_RECORDS, Scope, records_behind
from projections.folding import folded_at
from projections.registry import PARTICIPANTS
from projections.runner import ProjectionRunner
from projections.store import Tx


def default_as_on(year: int, today: date) -> date:
    """Reports of December fall due in January: figures for ``year`` are read as on the end of
    the following January, or today if that is earlier."""
    return min(date(year + 1, 1, 31), today)


APPRAISAL_VIEWS = ("activities", "funds", "registry", "service_cases")
"""The views the appraisal figures read."""


def figures_now(
    views: ProjectionRunner, *, year: int, as_on: date
) -> tuple[int, dict[str, dict[str, Any]]]:
    """Every subject's appraisal figures for ``year``, from the live views at one position (at
    least the head of the log now): that position, and the figures (as :func:`figures_at` would
    read them at it)."""

    def read(tx: Tx) -> dict[str, dict[str, Any]]:
        return plain(appraisal_inputs(tx, year=year, as_on=as_on))  # type: ignore[no-any-return]

    return views.read_at_head(APPRAISAL_VIEWS, read)


def figures_at(
    ledger: LedgerCore, *, position: int, year: int, as_on: date, scoring: int = EXACT
) -> dict[str, dict[str, Any]]:
    """Every subject's appraisal figures for ``year``, from the log up to ``position``, as
    ``scoring`` defines them."""
    with folded_at(ledger, position, APPRAISAL_VIEWS) as tx:
        figures = appraisal_inputs(tx, year=year, as_on=as_on, scoring=scoring)
        return plain(figures)  # type: ignore[no-any-return]


def records_of(appraisal: Appraisal, ledger: LedgerCore, figure: str) -> list[dict[str, Any]]:
    """The records behind one of ``appraisal``'s figures, read at its own position
    (``appraisal_records``)."""
    as_on = appraisal.as_on or date(appraisal.year + 1, 1, 31)
    scope = Scope(appraisal.subject_kind, str(appraisal.subject_id), appraisal.year, as_on)
    with folded_at(ledger, appraisal.position, APPRAISAL_VIEWS) as tx:
        return plain(records_behind(tx, scope, figure))  # type: ignore[no-any-return]


def not_active(views: ProjectionRunner, year: int) -> dict[str, str]:
    """The subjects not in the network in ``year`` (revoked before it began), and why: a run
    lists them as skipped rather than appraising them. Read from the live views: a revocation
    before the year is long folded, and stays."""
    with views.store.read() as tx:
        rows = tx.fetchall(
            f"SELECT id, revoked_on FROM {PARTICIPANTS} WHERE revoked_on < ?", (f"{year}-01-01",)
        )
    return {
        str(i): f"qualification revoked on {on}, before {year}: not active in it" for i, on in rows
    }


def subjects_of_kind(figures: dict[str, dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    """The figures of each subject of ``kind`` (without the kind itself, as they are recorded)."""
    return {
        subject: {k: v for k, v in values.items() if k != "kind"}
        for subject, values in figures.items()
        if values.get("kind") == kind
    }


@dataclass(frozen=True)
class Verification:
    appraisal_id: str
    position: int
    identical: bool
    differences: list[FigureDifference | ScoreDifference]
    recomputed_figures: dict[str, Any]
    recomputed_scores: list[IndicatorScore]

    def as_dict(self) -> VerificationView:
        return {
            "appraisal_id": self.appraisal_id,
            "position": self.position,
            "identical": self.identical,
            "differences": self.differences,
            "recomputed_figures": self.recomputed_figures,
            "recomputed_scores": self.recomputed_scores,
        }


def verify(ledger: LedgerCore, appraisal: Appraisal) -> Verification:
    """Recompute an appraisal's figures and scores from the log prefix it recorded."""
    as_on = appraisal.as_on or date(appraisal.year + 1, 1, 31)  # recorded by every appraisal
    everyone = figures_at(
        ledger, position=appraisal.position, year=appraisal.year, as_on=as_on,
        scoring=appraisal.scoring,
    )  # fmt: skip
    figures = subjects_of_kind(everyone, appraisal.subject_kind).get(str(appraisal.subject_id), {})
    if appraisal.scoring == ROUNDED:  # the first scoring recorded no parts behind the shares
        parts = {part for pair in SHARE_PARTS.values() for part in pair}
        figures = {k: v for k, v in figures.items() if k not in parts or k in appraisal.figures}
    scores = parse_scheme(appraisal.scheme).score(figures, appraisal.scoring)
    differences: list[FigureDifference | ScoreDifference] = [
        {"figure": key, "recorded": appraisal.figures.get(key), "recomputed": figures.get(key)}
        for key in sorted(set(appraisal.figures) | set(figures))
        if appraisal.figures.get(key) != figures.get(key)
    ]
    # The recorded scores are what the scheme's scoring gave when the appraisal was computed.
    recorded = cast(list[IndicatorScore], appraisal.scores)
    differences += [
        {"indicator": s["indicator"], "recorded": r, "recomputed": s}
        for r, s in zip(recorded, scores, strict=False)
        if r != s
    ]
    return Verification(
        appraisal_id=str(appraisal.id),
        position=appraisal.position,
        identical=not differences,
        differences=differences,
        recomputed_figures=figures,
        recomputed_scores=scores,
    )


# --- scorecards ------------------------------------------------------------------------------

SCORECARD_COLUMNS = ["indicator", "label", "figure", "comparison", "threshold", "met", "weight",
                     "points"]  # fmt: skip


def scorecard_csv(appraisal: Appraisal) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SCORECARD_COLUMNS)
    for score in appraisal.scores:
        writer.writerow([score[c] for c in SCORECARD_COLUMNS])
    writer.writerow([])
    writer.writerow(["indicators_total", appraisal.indicators_total])
    writer.writerow(["expert_average", appraisal.expert_average or ""])
    writer.writerow(["total", appraisal.total or ""])
    writer.writerow(["grade", appraisal.grade or ""])
    writer.writerow(["log_position", appraisal.position])
    writer.writerow(["scheme_digest", appraisal.scheme_digest])
    return buffer.getvalue()


def _bar(figure: str | None, threshold: str, comparison: str) -> str:
    """A small SVG: the figure as a bar against the threshold's marker."""
    width, height = 220, 18
    value = float(figure) if figure is not None else 0.0
    limit = float(threshold)
    scale = max(value, limit) * 1.15 or 1.0
    bar = value / scale * width
    mark = limit / scale * width
    met = (value >= limit) if comparison == ">=" else (value <= limit)
    colour = "#2e7d32" if figure is not None and met else "#c62828"
    return (
        f'<svg width="{width}" height="{height}" role="img" '
        f'aria-label="{html.escape(str(figure))} against {html.escape(threshold)}">'
        f'<rect x="0" y="3" width="{width}" height="12" fill="#eeeeee"/>'
        f'<rect x="0" y="3" width="{bar:.1f}" height="12" fill="{colour}"/>'
        f'<line x1="{mark:.1f}" x2="{mark:.1f}" y1="0" y2="{height}" stroke="#212121" '
        'stroke-width="2"/></svg>'
    )


def _percent(value: Fraction) -> str:
    """A share as a percentage, to hundredths of a percent, rounded down."""
    return f"{presented(value * 100)}%"


def _shown(figure_name: str, score: dict[str, Any], figures: dict[str, Any]) -> tuple[str, str]:
    """An indicator's figure and threshold as the scorecard shows them: a share as a percentage
    with the counts it is the quotient of, when the appraisal recorded them."""
    figure, threshold = score["figure"], score["threshold"]
    if figure_name not in SHARE_PARTS:
        return ("—" if figure is None else str(figure)), threshold
    limit = f"{(Decimal(threshold) * 100).normalize():f}%"  # as the scheme states it: 80%
    exact = exact_figure(figure_name, figures)
    if exact is None:
        return "—", limit
    part, whole = (figures.get(p) for p in SHARE_PARTS[figure_name])
    counted = "" if part is None or whole is None else f"（{_number(part)} / {_number(whole)}）"
    return f"{_percent(exact)}{counted}", limit


def _linked(figure_name: str, text: str) -> str:
    """A figure linked to the records behind it (the scorecard's neighbour route, as CSV)."""
    if figure_name not in FIGURES_WITH_RECORDS:
        return html.escape(text)
    href = html.escape(f"records?figure={figure_name}&format=csv")
    return f'<a href="{href}" title="the records behind it">{html.escape(text)}</a>'


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def scorecard_html(appraisal: Appraisal, subject_name: str) -> str:
    esc = html.escape
    figure_of = {i["id"]: i["figure"] for i in appraisal.scheme.get("indicators", [])}
    shown = {
        s["indicator"]: _shown(figure_of.get(s["indicator"], ""), s, appraisal.figures)
        for s in appraisal.scores
    }
    linked = {i: _linked(figure_of.get(i, ""), figure) for i, (figure, _) in shown.items()}
    rows = "".join(
        "<tr>"
        f"<td>{esc(s['label'])}</td><td class=n>{linked[s['indicator']]}</td>"
        f"<td class=n>{esc(s['comparison'])} {esc(shown[s['indicator']][1])}</td>"
        f"<td>{_bar(s['figure'], s['threshold'], s['comparison'])}</td>"
        f"<td class=n>{esc(s['points'])} / {esc(s['weight'])}</td>"
        f"<td>{'达标' if s['met'] else '未达标'}</td>"
        "</tr>"
        for s in appraisal.scores
    )
    grade = appraisal.grade or "（未结论）"
    scheme_title = str(appraisal.scheme.get("title", ""))
    scheme_id = str(appraisal.scheme.get("id"))
    scheme_version = str(appraisal.scheme.get("version"))
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{esc(subject_name)} {appraisal.year}年度绩效考核</title>
<style>
body {{ font-family: sans-serif; margin: 2rem; color: #212121; }}
table {{ border-collapse: collapse; }}
td, th {{ padding: .35rem .7rem; border-bottom: 1px solid #ddd; }}
th {{ text-align: left; background: #f5f5f5; }} .n {{ text-align: right; white-space: nowrap; }}
.summary td {{ border: none; }} .grade {{ font-size: 1.4rem; font-weight: bold; }}
footer {{ margin-top: 1.5rem; font-size: .8rem; color: #616161; }}
</style></head><body>
<h1>{esc(subject_name)}：{appraisal.year}年度绩效考核</h1>
<p>{esc(scheme_title)}（{esc(scheme_id)} v{esc(scheme_version)}）</p>
<table><thead><tr><th>指标</th><th>实际</th><th>标准</th><th></th><th>得分</th><th></th></tr></thead>
<tbody>{rows}</tbody></table>
<table class=summary>
<tr><td>指标得分</td><td class=n>{esc(str(appraisal.indicators_total))}</td></tr>
<tr><td>专家评分（平均）</td><td class=n>{esc(str(appraisal.expert_average or "—"))}</td></tr>
<tr><td>总分</td><td class=n>{esc(str(appraisal.total or "—"))}</td></tr>
<tr><td>等级</td><td class="n grade">{esc(grade)}</td></tr>
</table>
<footer>Figures read from the ledger's log up to position {appraisal.position}, as on
{esc(str(appraisal.as_on))}; scheme SHA-256 {esc(appraisal.scheme_digest)}; appraisal
{esc(str(appraisal.id))}.</footer>
</body></html>
"""
