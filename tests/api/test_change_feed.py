"""The change feed in-process: what each key is sent, resumption, and back-pressure.

Each feed here ends after LEDGER_CHANGE_FEED_MAX_SECONDS (short), so the test client, which reads
an answer whole, gets everything the feed sent by then. The real server's streaming, heartbeats,
the connection cap and revocation are in tests/e2e/test_change_feed.py."""

from __future__ import annotations

from typing import Any

import anyio
import pytest
from prometheus_client import REGISTRY
from starlette.types import Message

from api.resources import readers_of
from ledger.application.change_feed import Subscription
from ledger.application.context import Principal
from ledger.application.queries.access_keys import authenticate
from ledger.domain.access_key import Role
from tests import _sse
from tests.api._support import Api, MakeApi, assert_problem, request_report
from tests.api.onboarding_support import publication_body

LIFETIME = 0.3


@pytest.fixture
def api(make_api: MakeApi) -> Api:
    return make_api(
        change_feed_max_seconds=LIFETIME,
        change_feed_poll_seconds=0.02,
        change_feed_heartbeat_seconds=60,
        change_feed_page_size=7,
    )


def _feed(
    api: Api, key: str, *, last_event_id: str | None = None, params: dict[str, Any] | None = None
) -> list[_sse.Message]:
    """Everything one feed sent before it ended (after LEDGER_CHANGE_FEED_MAX_SECONDS)."""
    headers = {} if last_event_id is None else {"Last-Event-ID": last_event_id}
    response = api.get("/v1/changes", key=key, headers=headers, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-store"
    assert "etag" not in response.headers
    return _sse.parse(response.text)


def _log(api: Api) -> list[dict[str, Any]]:
    """The whole log as GET /v1/events pages it for an auditor."""
    events: list[dict[str, Any]] = []
    after = 0
    while True:
        page = api.get("/v1/events", key=api.keys.auditor, params={"after": after}).json()
        events += page["events"]
        if not page["events"]:
            return events
        after = page["next_after"]


def _streams(messages: list[_sse.Message]) -> set[str]:
    return {m.json()["stream_id"] for m in _sse.events(messages)}


def test_an_auditor_is_sent_the_whole_log_in_order_as_the_log_shows_it(api: Api) -> None:
    api.open_case(key=api.keys.window_a)
    api.open_case(key=api.keys.window_b)

    messages = _feed(api, api.keys.auditor)

    assert messages[0].retry == 2000
    sent = _sse.events(messages)
    log = _log(api)
    assert [m.json() for m in sent] == log
    assert [m.id for m in sent] == [str(e["position"]) for e in log]
    assert [m.event for m in sent] == [e["type"] for e in log]


def test_a_window_is_sent_its_own_cases_and_never_another_windows(api: Api) -> None:
    a_case = str(api.open_case(key=api.keys.window_a)["id"])
    b_case = str(api.open_case(key=api.keys.window_b)["id"])
    api.step(a_case, "assignment")

    a_sent = _feed(api, api.keys.window_a)
    b_sent = _feed(api, api.keys.window_b)

    assert a_case in _streams(a_sent)
    assert b_case not in _streams(a_sent)
    assert b_case in _streams(b_sent)
    assert a_case not in _streams(b_sent)
    # Exactly what the window reads of its case, event for event.
    a_events = [m.json() for m in _sse.events(a_sent) if m.json()["stream_id"] == a_case]
    assert a_events == api.history(a_case)
    # Nothing of a kind it cannot read at all: access keys, enterprises.
    auditor_types = {m.event for m in _sse.events(_feed(api, api.keys.auditor))}
    a_types = {m.event for m in _sse.events(a_sent)}
    assert "AccessKey.Issued" in auditor_types
    assert not {t for t in a_types if t and t.startswith(("AccessKey.", "Enterprise."))}


def test_every_event_a_window_is_sent_is_one_it_may_read(api: Api) -> None:
    api.open_case(key=api.keys.window_b)
    request_report(api, api.window_b_id)
    request_report(api, api.window_a_id)

    for message in _sse.events(_feed(api, api.keys.window_a)):
        event = message.json()
        kind = event["type"].split(".")[0]
        path = _READ_PATHS.get(kind)
        assert path is not None, f"window A was sent a {event['type']}"
        history = api.get(f"{path}/{event['stream_id']}/history", key=api.keys.window_a)
        assert history.status_code == 200, (event["type"], history.text)
        assert event in history.json()["events"]


_READ_PATHS = {
    "Platform": "/v1/platforms",
    "Institution": "/v1/institutions",
    "ServiceCase": "/v1/service-cases",
    "DataReport": "/v1/data-reports",
}


def test_a_feed_resumed_with_last_event_id_sends_exactly_the_events_after_it(api: Api) -> None:
    first = _sse.events(_feed(api, api.keys.auditor))
    seen = first[len(first) // 2]
    api.open_case(key=api.keys.window_a)  # written while the client was away

    resumed = _sse.events(_feed(api, api.keys.auditor, last_event_id=str(seen.id)))

    log = _log(api)
    assert [m.json() for m in resumed] == [e for e in log if e["position"] > int(str(seen.id))]
    ids = [m.id for m in first if int(str(m.id)) <= int(str(seen.id))] + [m.id for m in resumed]
    assert ids == [str(e["position"]) for e in log]  # all, each once


def test_last_event_id_wins_over_after_as_an_event_source_reconnects(api: Api) -> None:
    sent = _sse.events(_feed(api, api.keys.auditor, params={"after": "1"}, last_event_id="5"))
    assert sent[0].id == "6"
    assert _sse.events(_feed(api, api.keys.auditor, params={"after": "3"}))[0].id == "4"


def test_the_resume_point_moves_past_events_a_window_is_not_shown(api: Api) -> None:
    api.open_case(key=api.keys.window_b)  # the last events of the log, none of them A's
    messages = _feed(api, api.keys.window_a)

    assert _sse.last_event_id(messages) == str(api.head())
    assert not messages[-1].dispatched  # an id with no data: no event for the client
    # Resumed from there, nothing is sent again.
    after = _feed(api, api.keys.window_a, last_event_id=str(api.head()))
    assert _sse.events(after) == []


def test_a_type_filter_sends_only_those_types(api: Api) -> None:
    case = str(api.open_case()["id"])
    api.step(case, "assignment")
    sent = _sse.events(_feed(api, api.keys.auditor, params={"type": "ServiceCase.Assigned"}))
    assert [m.event for m in sent] == ["ServiceCase.Assigned"]


def test_an_unknown_type_or_a_last_event_id_that_is_no_position_is_refused(api: Api) -> None:
    unknown = api.get("/v1/changes", key=api.keys.auditor, params={"type": "Case.Updated"})
    assert_problem(unknown, 422, "unknown_event_type")
    for value in ("abc", "-1", "1.5"):
        bad = api.get("/v1/changes", key=api.keys.auditor, headers={"Last-Event-ID": value})
        assert_problem(bad, 400, "invalid_last_event_id")
    assert_problem(api.get("/v1/changes", key=None), 401, "unauthenticated")


def test_head_answers_the_stream_headers_at_once(api: Api) -> None:
    response = api.client.head("/v1/changes", headers={"Authorization": f"Bearer {api.keys.hub}"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.content == b""


# --- back-pressure --------------------------------------------------------------------------


def _pages_read() -> float:
    return REGISTRY.get_sample_value("ledger_change_feed_pages_total") or 0.0


def _stalled_feed(api: Api, messages_before_stall: int, stall_seconds: float) -> tuple[int, float]:
    """Run the feed straight through the ASGI app, as a client that reads
    ``messages_before_stall`` chunks and then stops reading for ``stall_seconds`` (its ``send``
    does not return, as a full socket's would not), then leaves. How many chunks it took, and how
    many pages the feed read in all."""
    before = _pages_read()
    sent = 0

    async def scenario() -> None:
        nonlocal sent
        gone = anyio.Event()
        asked = False

        async def receive() -> Message:
            nonlocal asked
            if not asked:
                asked = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await gone.wait()
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            nonlocal sent
            if message["type"] != "http.response.body":
                return
            sent += 1
            if sent >= messages_before_stall:
                await anyio.sleep(stall_seconds)
                gone.set()
                await anyio.sleep_forever()

        scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/v1/changes",
            "raw_path": b"/v1/changes",
            "query_string": b"",
            "root_path": "",
            "headers": [
                (b"host", b"testserver"),
                (b"authorization", f"Bearer {api.keys.auditor}".encode()),
            ],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
            "state": {},
        }
        await api.client.app(scope, receive, send)

    portal = api.client.portal
    assert portal is not None
    portal.call(scenario)
    return sent, _pages_read() - before


def test_a_reader_that_stops_reading_stops_the_feed_reading_the_log(make_api: MakeApi) -> None:
    api = make_api(
        change_feed_page_size=1, change_feed_poll_seconds=0.01, change_feed_max_seconds=30
    )
    pages_in_log = api.head()
    assert pages_in_log > 10

    # `retry:`, then the first page; the client reads no more for half a second.
    sent, pages = _stalled_feed(api, messages_before_stall=2, stall_seconds=0.5)

    assert sent == 2
    assert pages == 1  # the next page is read only once the last one was taken
    # A reader that keeps up is sent every page (the count above is not merely slow).
    sent, pages = _stalled_feed(api, messages_before_stall=pages_in_log + 1, stall_seconds=0.0)
    assert pages >= pages_in_log


# --- visibility that changes within one feed --------------------------------------------------


def test_a_stream_is_judged_again_when_it_changes_within_one_feed(api: Api) -> None:
    """Window B may read window A's publication only while it is published: judged per stream
    and version, a change of the stream is judged anew, on its latest state."""
    key = authenticate(api.ledger, api.keys.window_b)
    assert key is not None
    principal = Principal.of_key(key.id, key.role, key.platform_id, key.name)
    feed = Subscription(
        api.ledger,
        api.ledger.log_reader(),
        principal,
        after=api.head(),
        page_size=100,
        may_read_kind=lambda kind: Role.WINDOW in readers_of(kind),
    )
    base = "/v1/publications"
    submitted = api.post(base, key=api.keys.window_a, json=publication_body(category="100200"))
    publication = submitted.json()["id"]
    approved = api.post(f"{base}/{publication}/approval", key=api.keys.hub, json={"note": "合规"})
    assert approved.status_code == 200, approved.text

    def types() -> list[str]:
        return [
            e.topic.rpartition(".")[2]
            for e in feed.next_page().events
            if str(e.event.originator_id) == publication
        ]

    assert types() == []  # under review: not B's to read
    published = api.post(
        f"{base}/{publication}/publication", key=api.keys.window_a, json={"channel": "网站"}
    )
    assert published.status_code == 200, published.text
    assert types() == ["Published"]
    withdrawn = api.post(
        f"{base}/{publication}/withdrawal", key=api.keys.hub, json={"reason": "过时"}
    )
    assert withdrawn.status_code == 200, withdrawn.text
    assert types() == []  # withdrawn: B reads it no longer, nor is sent its withdrawal
    assert api.get(f"{base}/{publication}", key=api.keys.window_b).status_code == 404
