"""Witnesses over real HTTP for the tests, each with its own key and state directory, always
stopped: ``sme-ledger witness serve`` processes (:func:`start_witnesses`), or the same app in
this process on a thread (:func:`serve_witnesses`), which starts in a fraction of the time."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx
import uvicorn

from evidence.note import NoteVerifier
from tests.e2e._server import CLI, START_TIMEOUT_SECONDS, STOP_TIMEOUT_SECONDS, cli_env, free_port
from witness import (
    StateDirectory,
    Witness,
    WitnessKey,
    create_witness_app,
    write_witness_key,
)

# Never an origin: what a witness that is up answers 404 for.
PROBE = "/" + "0" * 64 + "/checkpoint"


@dataclass
class WitnessProcess:
    """One ``sme-ledger witness serve`` and where its log goes."""

    process: subprocess.Popen[bytes]
    url: str
    key: WitnessKey
    log_path: Path
    files: tuple[IO[bytes], ...]

    @property
    def setting(self) -> str:
        """This witness as an entry of ``LEDGER_WITNESSES``."""
        return f"{self.key.cosigner}={self.url}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                msg = f"witness serve exited with {self.process.returncode}:\n{self.log()}"
                raise AssertionError(msg)
            try:
                if httpx.get(self.url + PROBE, timeout=1.0).status_code == 404:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        msg = f"witness serve did not answer within {START_TIMEOUT_SECONDS} s:\n{self.log()}"
        raise AssertionError(msg)

    def stop(self) -> int | None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
        for f in self.files:
            f.close()
        return self.process.returncode


def start_witnesses(
    directory: Path, names: Iterable[str], logs: Iterable[NoteVerifier]
) -> list[WitnessProcess]:
    """One witness per name (``<name>.pem``, state ``<name>-state`` in ``directory``), each
    trusting the log keys ``logs``; returns once every one answers."""
    log_keys = [arg for verifier in logs for arg in ("--log-key", str(verifier))]
    started: list[WitnessProcess] = []
    try:
        for name in names:
            key = WitnessKey.generate(name)
            key_file = directory / f"{name.replace('/', '_')}.pem"
            write_witness_key(key_file, key)
            port = free_port()
            log_path = directory / f"{name.replace('/', '_')}.log"
            output = log_path.open("wb")
            command = [str(CLI), "witness", "serve", "--key", str(key_file), "--name", name]
            command += ["--state", str(key_file.with_suffix(".state")), "--port", str(port)]
            process = subprocess.Popen(
                [*command, *log_keys],
                env=cli_env("sqlite:///unused"),
                stdout=output,
                stderr=subprocess.STDOUT,
            )
            url = f"http://127.0.0.1:{port}"
            started.append(WitnessProcess(process, url, key, log_path, (output,)))
        for witness in started:
            witness.wait_until_up()
    except BaseException:
        for witness in started:
            witness.stop()
        raise
    return started


@dataclass
class ServedWitness:
    """A witness served on a thread of this process."""

    witness: Witness
    url: str

    @property
    def key(self) -> WitnessKey:
        return self.witness.key

    @property
    def setting(self) -> str:
        return f"{self.key.cosigner}={self.url}"


@contextmanager
def serve_witnesses(
    directory: Path, names: Iterable[str], logs: Iterable[NoteVerifier]
) -> Iterator[list[ServedWitness]]:
    """One witness per name, served over HTTP on a free port from a thread of this process."""
    trusted = list(logs)
    servers: list[tuple[uvicorn.Server, threading.Thread, StateDirectory]] = []
    served: list[ServedWitness] = []
    try:
        for name in names:
            state = StateDirectory(directory / f"{name.replace('/', '_')}.state")
            witness = Witness(WitnessKey.generate(name), trusted, state)
            port = free_port()
            config = uvicorn.Config(
                create_witness_app(witness), host="127.0.0.1", port=port, log_level="warning"
            )
            server = uvicorn.Server(config)
            thread = threading.Thread(target=server.run, daemon=True)
            thread.start()
            servers.append((server, thread, state))
            served.append(ServedWitness(witness, f"http://127.0.0.1:{port}"))
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not all(server.started for server, _, _ in servers):
            if time.monotonic() > deadline:
                raise AssertionError("an in-process witness did not start")
            time.sleep(0.02)
        yield served
    finally:
        for server, thread, state in servers:
            server.should_exit = True
            thread.join(STOP_TIMEOUT_SECONDS)
            state.close()
