"""The supervisor of ``sme-ledger serve --workers N``: uvicorn's, and it tells prometheus-client
when a worker process is gone.

A worker cannot say so itself when it is killed, so the supervisor does, for every worker it
stops seeing: one that died and was replaced, one retired by a restart (SIGHUP) or by fewer
workers (SIGTTOU). :func:`prometheus_client.multiprocess.mark_process_dead` drops the dead
worker's gauges of the ``live*`` modes; its counters and histograms stay in the sums, as they
must for the totals to keep rising.
"""

from __future__ import annotations

from collections.abc import Callable
from socket import socket

from prometheus_client import multiprocess
from uvicorn import Config
from uvicorn.supervisors import Multiprocess


class Supervisor(Multiprocess):
    """uvicorn's multi-process supervisor, marking each worker it loses dead in ``metrics_dir``."""

    def __init__(self, config: Config, sockets: list[socket], metrics_dir: str) -> None:
        super().__init__(config, sockets)
        self.metrics_dir = metrics_dir

    def keep_subprocess_alive(self) -> None:
        self._reaping(super().keep_subprocess_alive)

    def handle_signals(self) -> None:
        self._reaping(super().handle_signals)

    def _reaping(self, step: Callable[[], None]) -> None:
        before = self._pids()
        try:
            step()
        finally:
            for pid in sorted(before - self._pids()):
                multiprocess.mark_process_dead(pid, self.metrics_dir)  # type: ignore[no-untyped-call]

    def _pids(self) -> set[int]:
        return {process.pid for process in self.processes if process.pid is not None}
