"""A time-stamping authority for the tests: a throwaway CA and TSA certificate made with
``openssl req``/``x509``, and a small HTTP server that answers each query with ``openssl ts
-reply``."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

_CONFIG = """\
[ tsa ]
default_tsa = tsa_config

[ tsa_config ]
dir = {dir}
serial = $dir/serial
signer_cert = $dir/tsa.pem
certs = $dir/tsa.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_ca(directory: Path, name: str) -> None:
    _openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", f"/CN={name} CA", "-keyout", f"{name}-ca.key", "-out", f"{name}-ca.pem",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=directory,
    )  # fmt: skip


@dataclass
class Tsa:
    directory: Path
    url: str
    ca_file: Path
    other_ca_file: Path
    up: bool = True
    answered: int = 0


def _handler(tsa: Tsa) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            if not tsa.up:
                self.send_error(503)
                return
            query = self.rfile.read(int(self.headers["Content-Length"]))
            with tempfile.TemporaryDirectory(dir=tsa.directory) as work:
                (Path(work) / "q.tsq").write_bytes(query)
                d = tsa.directory
                done = subprocess.run(
                    ["openssl", "ts", "-reply", "-config", str(d / "tsa.cnf"),
                     "-queryfile", "q.tsq", "-inkey", str(d / "tsa.key"),
                     "-signer", str(d / "tsa.pem"), "-out", "r.tsr"],
                    cwd=work, capture_output=True, check=False,
                )  # fmt: skip
                if done.returncode != 0:
                    self.send_error(500)
                    return
                reply = (Path(work) / "r.tsr").read_bytes()
            tsa.answered += 1
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


@contextmanager
def running_tsa(directory: Path) -> Iterator[Tsa]:
    """A TSA answering at ``Tsa.url``, its CA in ``Tsa.ca_file`` (and an unrelated CA)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    make_ca(directory, "test")
    make_ca(directory, "other")
    (directory / "tsa.ext").write_text(
        "basicConstraints=CA:FALSE\nextendedKeyUsage=critical,timeStamping\n"
        "keyUsage=critical,digitalSignature\n"
    )
    _openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=test TSA",
        "-keyout", "tsa.key", "-out", "tsa.csr", cwd=directory,
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", "tsa.csr", "-CA", "test-ca.pem", "-CAkey", "test-ca.key",
        "-CAcreateserial", "-days", "2", "-extfile", "tsa.ext", "-out", "tsa.pem",
        cwd=directory,
    )  # fmt: skip
    (directory / "serial").write_text("01\n")
    (directory / "tsa.cnf").write_text(_CONFIG.format(dir=directory))
    tsa = Tsa(directory, "", directory / "test-ca.pem", directory / "other-ca.pem")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(tsa))
    tsa.url = f"http://127.0.0.1:{server.server_address[1]}/tsa"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield tsa
    finally:
        server.shutdown()
        server.server_close()
