"""Server processes for the benchmarks: start one, find its workers, sample their memory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(
    url: str, *, group_commit: bool, workers: int, **settings: str
) -> Iterator[tuple[str, int]]:
    """``sme-ledger serve`` on a free loopback port; yields its base URL and process id.
    ``settings`` are more of its environment (``LEDGER_MAX_IN_FLIGHT="8"``)."""
    port = free_port()
    env = {
        **os.environ,
        "LEDGER_DATABASE_URL": url,
        "LEDGER_HOST": "127.0.0.1",
        "LEDGER_PORT": str(port),
        "LEDGER_WORKERS": str(workers),
        "LEDGER_GROUP_COMMIT": "true" if group_commit else "false",
        "LEDGER_BENCH_ENDPOINTS": "true",
        **settings,
    }
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "sme-ledger"), "serve"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        time.sleep(0.5 * workers)  # every worker, not just the first, is listening
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(30)


def worker_pids(parent: int) -> list[int]:
    pids: list[int] = []
    for task in Path(f"/proc/{parent}/task").iterdir():
        children = (task / "children").read_text().split()
        pids.extend(int(p) for p in children)
    return pids


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


class RssSampler:
    """Samples the RSS of a server's worker processes every ``interval`` seconds."""

    def __init__(self, parent: int, interval: float = 0.25) -> None:
        self.parent, self.interval = parent, interval
        self.samples: dict[int, list[int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.is_set():
            # One worker is served by the parent process itself; more by its children.
            for pid in worker_pids(self.parent) or [self.parent]:
                try:
                    self.samples.setdefault(pid, []).append(rss_bytes(pid))
                except OSError:
                    continue
            self._stop.wait(self.interval)

    def summary(self) -> dict[str, float]:
        mib = 1024 * 1024
        series = [s for s in self.samples.values() if s]
        return {
            "peak_mib": max(max(s) for s in series) / mib,
            "first_mib": max(s[0] for s in series) / mib,
            "last_mib": max(s[-1] for s in series) / mib,
            "workers": len(series),
        }
