"""A TCP proxy the fault suite puts between the service's processes and PostgreSQL, to cut the
network between them without touching either.

    forwarding   bytes go both ways, as over a healthy network
    cut          every open connection is ended at once (the peers see it closed) and each new
                 one is closed as soon as it is accepted, until healed: a partition that a
                 router reports
    blackhole    connections are accepted, bytes are read and held, and nothing is forwarded
                 either way until healed, when what was held goes on: a partition that loses
                 packets silently, shorter than the peers' TCP timeouts

What a blackhole cannot do, from user space: the proxy's kernel acknowledges what it holds, so
a peer's ``tcp_user_timeout`` and keepalives (``ledger/persistence/failfast.py``) never fire
during it, as they would over a real partition. A client is held until its own timeouts (a
statement's, a connection attempt's) or the heal, whichever comes first.

One thread accepts; each connection has two threads, one a direction.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from dataclasses import dataclass, field

FORWARDING, CUT, BLACKHOLE = "forwarding", "cut", "blackhole"
CHUNK = 65536


def _reset(sock: socket.socket) -> None:
    """End ``sock`` at once: shut down first, which wakes a thread blocked reading it (closing
    alone does not, and leaves the connection open until that read returns), then close it
    with a reset (SO_LINGER of zero) for whatever is still unsent."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


@dataclass
class _Pair:
    client: socket.socket
    server: socket.socket | None = None
    closed: bool = False

    def close(self) -> None:
        self.closed = True
        _reset(self.client)
        if self.server is not None:
            _reset(self.server)


@dataclass
class Proxy:
    """Listens on loopback ``port`` and forwards to ``upstream_port`` on loopback."""

    upstream_port: int
    port: int = 0
    state: str = FORWARDING
    connections: int = 0
    """Connections accepted since the start."""
    _flowing: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _open: dict[int, _Pair] = field(default_factory=dict)
    _listener: socket.socket | None = None
    _stopping: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(512)
        self.port = int(listener.getsockname()[1])
        self._listener = listener
        self._flowing.set()
        threading.Thread(target=self._accept, name="proxy-accept", daemon=True).start()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    # --- the faults ---------------------------------------------------------------------------

    def cut(self) -> int:
        """Close every connection and refuse new ones until :meth:`heal`; how many it closed."""
        with self._lock:
            self.state = CUT
            pairs = list(self._open.values())
            self._open.clear()
        for pair in pairs:
            pair.close()
        self._flowing.set()  # a held pump wakes, finds its pair closed and ends
        return len(pairs)

    def blackhole(self) -> int:
        """Forward nothing until :meth:`heal`; how many connections it holds."""
        with self._lock:
            self.state = BLACKHOLE
            self._flowing.clear()
            return len(self._open)

    def heal(self) -> None:
        with self._lock:
            self.state = FORWARDING
        self._flowing.set()

    def stop(self) -> None:
        self._stopping.set()
        if self._listener is not None:
            _reset(self._listener)
        self.cut()

    # --- forwarding ---------------------------------------------------------------------------

    def _accept(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            if self.state == CUT:
                _reset(client)
                continue
            pair = _Pair(client)
            with self._lock:
                self._open[id(pair)] = pair
            threading.Thread(target=self._connect, args=(pair,), daemon=True).start()

    def _connect(self, pair: _Pair) -> None:
        # A connection accepted during a blackhole reaches the server only once it heals.
        self._flowing.wait()
        if pair.closed or self.state == CUT:
            self._forget(pair)
            return
        try:
            pair.server = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=10)
            pair.server.settimeout(None)
        except OSError:
            self._forget(pair)
            return
        for source, target in ((pair.client, pair.server), (pair.server, pair.client)):
            threading.Thread(target=self._pump, args=(pair, source, target), daemon=True).start()

    def _pump(self, pair: _Pair, source: socket.socket, target: socket.socket) -> None:
        try:
            while True:
                data = source.recv(CHUNK)
                if not data:
                    break
                # Held here during a blackhole: what was read goes on after the heal.
                self._flowing.wait()
                if pair.closed:
                    return
                target.sendall(data)
        except OSError:
            pass
        self._forget(pair)

    def _forget(self, pair: _Pair) -> None:
        with self._lock:
            self._open.pop(id(pair), None)
        pair.close()
