-- Snapshots of aggregate state every N events (LEDGER_SNAPSHOT_INTERVAL), so long streams are
-- read without replaying them from their first event. Same layout as the library's aggregate
-- recorder (table "<app>_snapshots"). Derived data, not evidence: unlike ledger_events this
-- table may be emptied at any time (reads then replay the events), so it has no triggers.
-- Numbered 0020 so that it never collides with migrations added on other branches.

CREATE TABLE ledger_snapshots (
    originator_id uuid NOT NULL,
    originator_version bigint NOT NULL,
    topic text NOT NULL,
    state bytea NOT NULL,
    PRIMARY KEY (originator_id, originator_version)
);
