"""The change feed's settings (``GET /v1/changes``): a group of :class:`runtime.settings.Settings`,
kept beside it so that module stays one seam. Read from the environment as every other setting
(``LEDGER_CHANGE_FEED_*``)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field
from pydantic_settings import BaseSettings


@dataclass(frozen=True)
class ChangeFeedConfig:
    """How the change feed streams, as the API is given it."""

    max_connections: int
    page_size: int
    poll_seconds: float
    heartbeat_seconds: float
    max_seconds: float
    retry_ms: int
    threads: int


class ChangeFeedSettings(BaseSettings):
    """The change feed's settings; :class:`runtime.settings.Settings` inherits them."""

    change_feed_max_connections: int = Field(
        64,
        ge=1,
        le=10_000,
        description="Change feed connections a worker holds open at once; beyond, 503 "
        "feed_busy with Retry-After (ledger_change_feed_connections)",
    )
    change_feed_page_size: int = Field(
        100,
        ge=1,
        le=1000,
        description="Events a change feed reads from the log at a time: the most a slow "
        "reader's connection holds beyond what the network buffers",
    )
    change_feed_poll_seconds: float = Field(
        0.5, gt=0, le=60, description="How often a change feed at the head looks for new events"
    )
    change_feed_heartbeat_seconds: float = Field(
        15.0,
        gt=0,
        le=300,
        description="A quiet change feed sends a `: keep-alive` comment this often (and checks "
        "its key is still live), so proxies keep the connection",
    )
    change_feed_max_seconds: float = Field(
        300.0,
        gt=0,
        le=86_400,
        description="Longest a change feed connection stays open; then it ends and the client "
        "reconnects with Last-Event-ID",
    )
    change_feed_retry_ms: int = Field(
        2000,
        ge=0,
        le=600_000,
        description="The SSE `retry:` a change feed sends: how long a client waits to reconnect",
    )
    change_feed_threads: int = Field(
        4,
        ge=1,
        le=64,
        description="Threads the change feeds of a worker read the log with (their own, beside "
        "the 40 requests use), so feeds never hold a request's thread",
    )

    @property
    def change_feed(self) -> ChangeFeedConfig:
        return ChangeFeedConfig(
            max_connections=self.change_feed_max_connections,
            page_size=self.change_feed_page_size,
            poll_seconds=self.change_feed_poll_seconds,
            heartbeat_seconds=self.change_feed_heartbeat_seconds,
            max_seconds=self.change_feed_max_seconds,
            retry_ms=self.change_feed_retry_ms,
            threads=self.change_feed_threads,
        )
