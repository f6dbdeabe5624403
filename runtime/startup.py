"""A long-running process (an API process, ``sme-ledger project``, ``sme-ledger seal``)
starting while PostgreSQL does not answer waits for it, within a bound.

``sme-ledger serve --workers N`` is uvicorn's supervisor: it starts a worker again when one
dies, and if that worker's startup fails it stops every other worker and exits. Without a wait,
a worker that died during an outage (killed, out of memory) took the whole API down with it: its
replacement found no database, failed its startup, and the healthy worker was stopped too. Here a
starting process tries the database again, with a back-off doubling from 0.25 s up to 2 s, for at
most ``LEDGER_STARTUP_WAIT_SECONDS`` (one line when it starts waiting, one when the database
answers); meanwhile the other workers go on answering (``503`` while the database is away). Any
other failure (the schema not migrated, a wrong password) is raised at once. The projection
daemon and the sealer outlive a database lost while they run (``runtime/workers.py``); with the
wait they also outlive one lost while they start, instead of exiting with status 3.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from ledger.persistence.failfast import lost_connection
from runtime.settings import Settings

log = logging.getLogger("ledger.startup")

FIRST_DELAY_SECONDS = 0.25
LONGEST_DELAY_SECONDS = 2.0


def wait_for_database(
    settings: Settings,
    check: Callable[[], object] | None = None,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Return once ``check`` (by default: reading which migrations are pending) gets an answer
    from the database; raise its error if it fails otherwise, or once the database has not
    answered for ``settings.startup_wait_seconds``. Nothing to wait for on SQLite."""
    if not settings.store.is_postgres:
        return
    if check is None:
        from ledger.persistence.migrate import pending_migrations

        url = settings.database_url

        def check() -> object:
            return pending_migrations(url)

    started = clock()
    delay, attempts = FIRST_DELAY_SECONDS, 0
    while True:
        try:
            check()
        except Exception as e:
            if not lost_connection(e) or clock() - started >= settings.startup_wait_seconds:
                raise
            if attempts == 0:
                log.warning(
                    "the database does not answer (%s: %s); waiting for the database, at most "
                    "%.0f s",
                    type(e).__name__,
                    str(e).splitlines()[0] if str(e) else "",
                    settings.startup_wait_seconds,
                )
            attempts += 1
            sleep(min(delay, max(settings.startup_wait_seconds - (clock() - started), 0.0)))
            delay = min(delay * 2, LONGEST_DELAY_SECONDS)
            continue
        if attempts:
            log.warning("the database answers after %.1f s: starting", clock() - started)
        return
