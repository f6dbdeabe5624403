"""Real server processes, each stopped when its test ends, whatever happened."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e._server import Server, start_server

StartServer = Callable[[str], Server]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[StartServer]:
    """Starts ``sme-ledger serve`` on a database URL; every server started is stopped after."""
    servers: list[Server] = []

    def start(database_url: str) -> Server:
        server = start_server(database_url, tmp_path, f"server-{len(servers) + 1}")
        servers.append(server)
        return server

    try:
        yield start
    finally:
        for server in servers:
            server.stop()
