"""The fault suite's checker: a history of requests against the log that holds their cases.

What must hold, whatever broke during the run:

- every acknowledged write is in the log exactly once (its ``external_ref`` opens one case), as
  the case and at the position its acknowledgement named, and every acknowledgement of one key
  names the same case (``lost``, ``duplicated``, ``misreported``);
- no ``external_ref`` opens two cases, acknowledged or not (``duplicated``);
- a write refused outright is not in the log (``refused_present``);
- a write whose answer was unknown was settled by a retry with the same key, to present once or
  absent and refused (``unresolved``);
- the log holds no case the writers never asked for (``phantom``);
- no answer is a ``5xx`` other than a ``503`` with ``Retry-After`` (``server_error``): a 500 is
  a failure the service did not expect, a 503 without ``Retry-After`` tells a client nothing;
- no request outlived its timeout by more than ``GRACE_SECONDS`` (``slow``): the client's
  timeouts cut every request off, answered or not, so nothing hangs beyond them;
- every request made while no fault was acting on the API or its database (none began, none
  ended less than ``RECOVERY_SECONDS`` before) was answered (``unavailable``): the service
  recovers from each fault within that bound. The projection daemon's and the sealer's faults do
  not count as faults of the API: a write must not notice them.

Pure functions over plain data, so that a doctored history can be checked as a real one is.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

Entry = dict[str, Any]

GRACE_SECONDS = 1.0
"""How far past its timeout a request may end: the client's threads share two busy cores."""
RECOVERY_SECONDS = 5.0
"""How soon after a fault ends every request is answered again (every worker of a restarted API,
and a replaced worker, serves before the fault is over; a pool finds the database back within a
second or two)."""
OFF_THE_WRITE_PATH = frozenset({"kill_projector", "kill_sealer"})
"""Faults a write must not notice at all."""


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0] * 1000, 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(share) - 1] * 1000, 1)


def _latency(values: list[float]) -> dict[str, float | None]:
    return {
        "count": len(values),
        "p50_ms": _percentile(values, 50),
        "p99_ms": _percentile(values, 99),
        "max_ms": round(max(values) * 1000, 1) if values else None,
    }


def _faulted(entry: Entry, faults: list[Entry]) -> bool:
    """Whether ``entry`` overlaps a fault of the write path, or the recovery after one."""
    return any(
        entry["start"] <= f["end"] + RECOVERY_SECONDS and entry["end"] >= f["start"]
        for f in faults
        if f["kind"] not in OFF_THE_WRITE_PATH
    )


def _answers(
    entries: list[Entry], faults: list[Entry], timeout: float
) -> tuple[list[tuple[str, str, str]], dict[str, Any]]:
    """The violations of the answers themselves (status codes, time taken) and their figures."""
    found: list[tuple[str, str, str]] = []
    for a in entries:
        status, took = a["status"], a["end"] - a["start"]
        if status is not None and status >= 500 and not (status == 503 and a.get("retry_after")):
            found.append(("server_error", a["ref"], f"attempt {a['attempt']} answered {status}"))
        if took > timeout + GRACE_SECONDS:
            found.append(("slow", a["ref"], f"attempt {a['attempt']} took {took:.1f} s"))
        if a["outcome"] == "unknown" and not _faulted(a, faults):
            why = status if status is not None else a["error"]
            found.append(("unavailable", a["ref"], f"attempt {a['attempt']} ({why}), no fault"))
    by_outcome: dict[str, list[float]] = defaultdict(list)
    for a in entries:
        by_outcome[a["outcome"]].append(a["end"] - a["start"])
    statuses = Counter(str(a["status"] if a["status"] is not None else a["error"]) for a in entries)
    figures = {
        "answers": dict(sorted(statuses.items())),
        "latency": {k: _latency(sorted(by_outcome[k])) for k in ("ok", "fail", "unknown")},
        "bound_seconds": timeout + GRACE_SECONDS,
        "recovery_seconds": RECOVERY_SECONDS,
    }
    return found, figures


def check(
    history: Iterable[Entry],
    log: Iterable[Entry],
    faults: Iterable[Entry] = (),
    timeout: float = 3.0,
) -> dict[str, Any]:
    """The figures of a run and every violation found in it (none: it held)."""
    writes: dict[str, list[Entry]] = defaultdict(list)
    for entry in history:
        writes[entry["key"]].append(entry)
    logged: dict[str, list[Entry]] = defaultdict(list)
    for event in log:
        logged[event["external_ref"]].append(event)
    violations: list[dict[str, Any]] = []

    def violation(kind: str, ref: str, detail: str) -> None:
        violations.append({"kind": kind, "ref": ref, "detail": detail})

    acked = refused = unknown_resolved = 0
    asked_refs: set[str] = set()
    for key, attempts in writes.items():
        attempts.sort(key=lambda a: a["attempt"])
        ref = attempts[0]["ref"]
        asked_refs.add(ref)
        oks = [a for a in attempts if a["outcome"] == "ok"]
        had_unknown = any(a["outcome"] == "unknown" for a in attempts)
        last = attempts[-1]["outcome"]
        found = logged.get(ref, [])
        if oks:
            acked += 1
            ids = {a["id"] for a in oks}
            if len(ids) > 1:
                violation("misreported", ref, f"{key} was acknowledged as {sorted(ids)}")
            if not found:
                violation("lost", ref, f"acknowledged as {oks[0]['id']}, not in the log")
            elif len(found) == 1 and (
                found[0]["stream_id"] not in ids or found[0]["position"] != oks[0]["position"]
            ):
                violation(
                    "misreported", ref,
                    f"acknowledged as {oks[0]['id']} at {oks[0]['position']}, logged as "
                    f"{found[0]['stream_id']} at {found[0]['position']}",
                )  # fmt: skip
        elif last == "fail":
            refused += 1
            if found:
                violation("refused_present", ref, f"refused ({attempts[-1]['status']}), in the log")
        else:
            violation("unresolved", ref, f"{len(attempts)} attempt(s), none settled it")
        if had_unknown and last != "unknown":
            unknown_resolved += 1
    for ref, events in logged.items():
        if len(events) > 1:
            positions = [e["position"] for e in events]
            violation("duplicated", ref, f"{len(events)} cases, at positions {positions}")
        if ref not in asked_refs:
            violation("phantom", ref, "in the log, never asked for")

    entries = [a for attempts in writes.values() for a in attempts]
    answered, answer_figures = _answers(entries, list(faults), timeout)
    for kind, ref, detail in answered:
        violation(kind, ref, detail)
    request_seconds = sorted(a["end"] - a["start"] for a in entries if a["outcome"] == "ok")
    write_seconds = sorted(
        max(a["end"] for a in attempts) - min(a["start"] for a in attempts)
        for attempts in writes.values()
        if any(a["outcome"] == "ok" for a in attempts)
    )
    kinds = Counter(v["kind"] for v in violations)
    return {
        "requests": len(entries),
        "requests_by_outcome": dict(Counter(a["outcome"] for a in entries)),
        "writes": len(writes),
        "acked": acked,
        "refused": refused,
        "replayed": sum(1 for a in entries if a.get("replayed")),
        "unknown_writes": sum(
            1 for attempts in writes.values() if any(a["outcome"] == "unknown" for a in attempts)
        ),
        "unknown_resolved": unknown_resolved,
        "logged_cases": sum(len(events) for events in logged.values()),
        "lost": kinds["lost"],
        "duplicated": kinds["duplicated"],
        "unresolved": kinds["unresolved"],
        "violations": violations,
        "request_p50_ms": _percentile(request_seconds, 50),
        "request_p99_ms": _percentile(request_seconds, 99),
        "write_p50_ms": _percentile(write_seconds, 50),
        "write_p99_ms": _percentile(write_seconds, 99),
        "write_max_ms": round(write_seconds[-1] * 1000, 1) if write_seconds else None,
        "server_errors": kinds["server_error"],
        "slow": kinds["slow"],
        "unavailable": kinds["unavailable"],
        **answer_figures,
    }


def summary_lines(report: dict[str, Any]) -> list[str]:
    """The report as a reader wants it: the figures, then each violation on a line."""
    lines = [
        f"writes: {report['writes']} ({report['acked']} acknowledged, {report['refused']} "
        f"refused), {report['requests']} requests {report['requests_by_outcome']}, "
        f"{report['replayed']} answered from the idempotency record",
        f"log: {report['logged_cases']} case(s); lost {report['lost']}, duplicated "
        f"{report['duplicated']}; unknown outcomes {report['unknown_writes']}, resolved "
        f"{report['unknown_resolved']}, unresolved {report['unresolved']}",
        f"latency of an acknowledged request p50 {report['request_p50_ms']} ms, p99 "
        f"{report['request_p99_ms']} ms; of a write, retries included, p50 "
        f"{report['write_p50_ms']} ms, p99 {report['write_p99_ms']} ms, max "
        f"{report['write_max_ms']} ms",
        f"answers {report['answers']}; 5xx but a 503 with Retry-After {report['server_errors']}; "
        f"past the {report['bound_seconds']:.0f} s bound {report['slow']}; unanswered with no "
        f"fault acting (or {report['recovery_seconds']:.0f} s after one) {report['unavailable']}",
    ]
    for outcome, figures in report["latency"].items():
        lines.append(
            f"  {outcome:<8}{figures['count']:>7} requests, p50 {figures['p50_ms']} ms, p99 "
            f"{figures['p99_ms']} ms, max {figures['max_ms']} ms"
        )
    lines += [f"VIOLATION {v['kind']}: {v['ref']}: {v['detail']}" for v in report["violations"]]
    lines.append("FAILED" if report["violations"] else "held: nothing lost, nothing duplicated")
    return lines
