"""The benchmark report: docs/benchmarks.md and .json from the suite's results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

START, END = "<!-- bench-suite:start -->", "<!-- bench-suite:end -->"


def markdown(results: dict[str, Any]) -> str:
    http, bulk, rb, stream = results["http"], results["bulk"], results["rebuild"], results["stream"]
    t = results["targets"]

    def row(name: str, r: dict[str, Any]) -> str:
        return (
            f"| {name} | {r['per_second']:,.0f} | {r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms | "
            f"{r['non_2xx']} | {r['rss']['peak_mib']:.0f} MiB ({r['rss']['first_mib']:.0f} → "
            f"{r['rss']['last_mib']:.0f}) |"
        )

    ok = {True: "met", False: "**not met**"}
    gc_batch = http["group_commit"]["batches"]
    ws, wo = stream["with_snapshots"], stream["without_snapshots"]
    return f"""{START}
## Throughput suite (`make bench`) — {results["when"]}

{results["machine"]}; PostgreSQL {results["postgres"]}; load generator `{http["group_commit"]["client"]}`,
{results["connections"]} connections, {results["seconds"]:.0f} s per run, `sme-ledger serve --workers
{results["workers"]}` (uvloop + httptools). Raw figures: `docs/benchmarks.json`.

**1. HTTP single-record appends** (`POST /v1/service-cases`, a delivered service: 3 events)

| run | requests/s | p50 | p99 | non-2xx | worker RSS peak (first → last) |
|---|---|---|---|---|---|
{row("(a) parse-only endpoint", http["parse_only"])}
{row("(b) one plain save per request", http["plain_save"])}
{row("group commit (default)", http["group_commit"])}

Commands per transaction under group commit: {gc_batch["mean_batch"]:.1f} on average
({gc_batch["transactions"]:,.0f} transactions, warm-up included).

Group commit = **{http["vs_plain_save"]:.1f}×** plain save (target ≥ 8×: {ok[t["vs_plain_save"]]}),
**{http["vs_parse_only"]:.0%}** of parse-only (target ≥ 40%: {ok[t["vs_parse_only"]]}),
p99 {http["group_commit"]["p99_ms"]:.0f} ms (target ≤ 100 ms: {ok[t["p99"]]}).

**2. Bulk import** (`POST /v1/service-cases:batch`, 1,000 records a request, {results["workers"]} clients):
{bulk["events"]:,} events in {bulk["seconds"]:.2f} s = **{bulk["events_per_second"]:,.0f} events/s**;
raw multi-row INSERT of as many rows (mean {bulk["mean_event_bytes"]:.0f} bytes of state) =
{bulk["raw_rows_per_second"]:,.0f} rows/s; ratio **{bulk["vs_raw"]:.0%}**
(targets ≥ 25,000 events/s: {ok[t["bulk_rate"]]}; ≥ 40% of raw: {ok[t["bulk_vs_raw"]]}).

**3. Projection rebuild** of this run's log ({rb["events"]:,} events): {rb["rebuild_per_second"]:,.0f}
events/s against a raw read of {rb["raw_read_per_second"]:,.0f} events/s ({rb["vs_raw_read"]:.0%}).
Audit verification: not on this branch.

**4. Point-in-time read of a {stream["events"]:,}-event stream** (median of {results["repeat"]}):

| read | with snapshots (every 100) | without |
|---|---|---|
| as of now | {ws["as_of_now"]:.1f} ms | {wo["as_of_now"]:.1f} ms |
| as of the middle of the stream | {ws["as_of_middle"]:.1f} ms | {wo["as_of_middle"]:.1f} ms |
| at version {stream["events"] - 50:,} | {ws["at_version"]:.1f} ms | {wo["at_version"]:.1f} ms |

**5. Peak RSS of an API worker** under the group-commit load:
{http["group_commit"]["rss"]["peak_mib"]:.0f} MiB (target < 300 MiB: {ok[t["rss"]]}).

{reads_section(results["reads"], t, ok)}

{overload_section(results["overload"], t, ok) if "overload" in results else ""}
{END}"""


def reads_section(reads: dict[str, Any], t: dict[str, bool], ok: dict[bool, str]) -> str:
    runs = reads["runs"]
    sizes = " | ".join(f"{r['events']:,} events" for r in runs)
    lines = [
        "**6. Reads on a growing log** (one worker, sequential, median of "
        f"{reads['repeat']}; the log grown with delivered cases of the year appraised, through "
        "batched imports; `bench/reads.py`)",
        "",
        f"| read | {sizes} | largest ÷ smallest |",
        "|---|" + "---|" * len(runs) + "---|",
    ]
    for name, ratio in reads["ratios"].items():
        cells = " | ".join(f"{r['ms'][name]:.1f} ms" for r in runs)
        lines.append(f"| {name.replace('_', ' ')} | {cells} | {ratio:.2f}× |")
    peaks = " | ".join(f"{r['rss']['peak_mib']:.0f} MiB" for r in runs)
    lines.append(f"| worker RSS peak | {peaks} | {reads['rss_ratio']:.2f}× |")
    seeded = ", ".join(
        f"{r['events']:,} in {r['seed_seconds']:.0f} s (views {r['catch_up_seconds']:.0f} s)"
        for r in runs
    )
    lines += [
        "",
        f"Every read within 1.5× from the smallest log to the largest: {ok[t['reads_flat']]}; "
        f"an appraisal run under 1 s at the largest: {ok[t['appraisal_under_1s']]}; worker RSS "
        f"flat (within 1.25×): {ok[t['reads_rss_flat']]}. Logs grown to {seeded}. The "
        f"enterprise whose history is read has {reads['enterprise_cases']} cases.",
    ]
    return "\n".join(lines)


def overload_section(o: dict[str, Any], t: dict[str, bool], ok: dict[bool, str]) -> str:
    def row(name: str, r: dict[str, Any], offered: str) -> str:
        return (
            f"| {name} | {offered} | {r['accepted_per_second']:,.0f} | {r['p50_ms']:.1f} ms | "
            f"{r['p99_ms']:.1f} ms | {r['shed_503_with_retry_after']:,} | {r['other_5xx']} | "
            f"{r['errors']} |"
        )

    over, rss = o["overload"], o["rss"]
    moderate_rate = o["moderate"]["sent"] / max(o["moderate"]["seconds"], 1e-9)
    return "\n".join(
        [
            f"**7. Admission control under {o['factor']:.0f}× overload** (`bench/overload.py`, "
            f"{o['when']}; `serve --workers {o['workers']}`, `LEDGER_MAX_IN_FLIGHT` "
            f"{o['max_in_flight']} a worker, `LEDGER_MAX_QUEUE_WAIT_MS` "
            f"{o['max_queue_wait_ms']:g}; the same appends as 1; latency from each request's "
            "scheduled send time in the open loops)",
            "",
            "| phase | offered | 2xx/s | p50 | p99 | 503 + Retry-After | other 5xx | errors |",
            "|---|---|---|---|---|---|---|---|",
            row(f"unloaded ({o['unloaded_connections']} clients, closed loop)", o["unloaded"], "—"),
            row(f"capacity ({o['capacity_connections']} clients, closed loop)", o["capacity"], "—"),
            row(
                f"moderate ({o['moderate_share']:.1f}× capacity, open loop)",
                o["moderate"],
                f"{moderate_rate:,.0f}/s",
            ),
            row(
                f"overload ({over['seconds']:.0f} s, open loop)",
                over,
                f"{over['offered_per_second']:,.0f}/s",
            ),
            "",
            f"Accepted p99 under overload = **{o['p99_ratio']:.1f}×** the unloaded p99 (target "
            f"≤ {o['p99_bound']:g}×: {ok[t['overload_p99_within_2x']]}); 5xx other than 503 with "
            f"Retry-After: {over['other_5xx'] + over['shed_503_without_retry_after']} (target 0: "
            f"{ok[t['overload_no_other_5xx']]}); resident memory of the server's "
            f"{rss['processes']} processes {rss['start_mib']:.0f} → {rss['end_mib']:.0f} MiB "
            f"({rss['ratio']:.2f}×; flat = within {rss['bound']:.2f}×: "
            f"{ok[t['overload_rss_flat']]}). The generator sent its requests at most "
            f"{over['send_lag_p99_ms']:.1f} ms late (p99; counted in the latencies); the server "
            f"counted {o['server_shed']:,.0f} requests shed.",
        ]
    )


def targets(results: dict[str, Any]) -> dict[str, bool]:
    """Each target of the suite, met or not, from its figures."""
    http, bulk, reads = results["http"], results["bulk"], results["reads"]
    found = {
        "vs_plain_save": http["vs_plain_save"] >= 8,
        "vs_parse_only": http["vs_parse_only"] >= 0.4,
        "p99": http["group_commit"]["p99_ms"] <= 100,
        "bulk_rate": bulk["events_per_second"] >= 25_000,
        "bulk_vs_raw": bulk["vs_raw"] >= 0.4,
        "rss": http["group_commit"]["rss"]["peak_mib"] < 300,
        "reads_flat": max(reads["ratios"].values()) <= 1.5,
        "appraisal_under_1s": reads["appraisal_ms_largest"] < 1000,
        "reads_rss_flat": reads["rss_ratio"] <= 1.25,
    }
    if "overload" in results:
        found.update({f"overload_{k}": v for k, v in results["overload"]["targets"].items()})
    return found


def write_report(results: dict[str, Any], json_path: Path, md_path: Path) -> None:
    json_path.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    text = md_path.read_text(encoding="utf-8") if md_path.exists() else "# Benchmarks\n"
    section = markdown(results)
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    md_path.write_text(text, encoding="utf-8")
