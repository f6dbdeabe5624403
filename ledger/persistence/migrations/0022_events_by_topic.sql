-- A page of one event type (GET /v1/events?type=…, and each view's catch-up, which reads only the
-- types it projects) reads that type's events in log order, not the whole log.
CREATE INDEX ledger_events_topic_idx ON ledger_events (topic, notification_id);
