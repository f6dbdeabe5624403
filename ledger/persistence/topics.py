"""Topics of stored state that moved: old module paths resolve to where the code lives now.

Every event names its class by topic (module path and class name), and snapshots name the
domain's value types the same way. Event classes never move (their topics are hashed into the
Merkle leaves); value types that snapshots may name did move once, from the package root into
``ledger.domain``, so their old modules are registered here before anything is resolved.
"""

from __future__ import annotations

from eventsourcing.utils import register_topic

from ledger.domain import envelope, schemes, values

MOVED_MODULES = {
    "ledger.values": values,
    "ledger.envelope": envelope,
    "ledger.schemes": schemes,
}


def register_moved_topics() -> None:
    for old, module in MOVED_MODULES.items():
        register_topic(old, module)


register_moved_topics()
