"""Load generators for the benchmark suite: wrk (Debian's ``wrk``) or an asyncio httpx client.

Both send POSTs with a fresh ``external_ref`` in every body, from ``connections`` concurrent
connections, for ``seconds``, and report requests/s, p50 and p99 (milliseconds) and how many
answers were not 2xx. Loopback only: the suite starts the server it loads.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx

REF = "__REF__"

_WRK_SCRIPT = """
local threads = {}
local counter = 0
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end
function init(args)
  prefix = args[1] .. "-" .. tid .. "-"
  template = args[2]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[3]
end
function request()
  counter = counter + 1
  local body = string.gsub(template, "__REF__", prefix .. counter)
  return wrk.format(nil, nil, nil, body)
end
function done(summary, latency, requests)
  io.write(string.format(
    '@@{"requests": %d, "duration_us": %d, "non2xx": %d, "errors": %d, "p50_us": %d, "p99_us": %d}\\n',
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


@dataclass(frozen=True)
class LoadResult:
    client: str
    requests: int
    seconds: float
    non_2xx: int
    errors: int
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(
    url: str, secret: str, template: str, connections: int, seconds: float, threads: int = 2
) -> LoadResult:
    """``template`` is the JSON body with ``__REF__`` where each request's reference goes."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_WRK_SCRIPT)
    try:
        done = subprocess.run(
            [
                shutil.which("wrk") or "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{max(1, round(seconds))}s",
                "--timeout",
                "10s",
                "-s",
                script.name,
                url,
                "--",
                uuid.uuid4().hex[:8],
                template,
                secret,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        )
    finally:
        Path(script.name).unlink()
    line = next(x for x in done.stdout.splitlines() if x.startswith("@@"))
    raw = json.loads(line[2:])
    return LoadResult(
        "wrk",
        raw["requests"],
        raw["duration_us"] / 1e6,
        raw["non2xx"],
        raw["errors"],
        raw["p50_us"] / 1000,
        raw["p99_us"] / 1000,
    )


def run_httpx(url: str, secret: str, template: str, connections: int, seconds: float) -> LoadResult:
    """The same load from one asyncio process with httpx (slower than wrk: a floor, not a peak)."""
    return asyncio.run(_httpx_load(url, secret, template, connections, seconds))


async def _httpx_load(
    url: str, secret: str, template: str, connections: int, seconds: float
) -> LoadResult:
    headers = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
    latencies: list[float] = []
    counts = {"non2xx": 0, "errors": 0}
    prefix = uuid.uuid4().hex[:8]
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        deadline = time.perf_counter() + seconds

        async def worker(w: int) -> None:
            n = 0
            while time.perf_counter() < deadline:
                n += 1
                body = template.replace(REF, f"{prefix}-{w}-{n}").encode()
                started = time.perf_counter()
                try:
                    response = await client.post(url, content=body, headers=headers)
                except httpx.HTTPError:
                    counts["errors"] += 1
                    continue
                latencies.append(time.perf_counter() - started)
                if not 200 <= response.status_code < 300:
                    counts["non2xx"] += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker(w) for w in range(connections)))
        elapsed = time.perf_counter() - started
    if len(latencies) < 2:
        latencies = [*latencies, 0.0, 0.0]
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return LoadResult(
        "httpx",
        len(latencies),
        elapsed,
        counts["non2xx"],
        counts["errors"],
        q[49] * 1000,
        q[98] * 1000,
    )
