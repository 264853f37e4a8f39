-- When each alert was first seen CRITICAL: the chain of notifications (step n after n × escalate-after) counts from
-- then, not from the alert's first trigger, so that a crowd that grows from WARNING to CRITICAL an hour later reaches
-- the chain's steps one at a time instead of all at once (or, past the catch-up window, never). The first instance to
-- see it writes the row; the others read it.
CREATE TABLE notification_chain (
    alert_id       text        PRIMARY KEY,
    critical_since timestamptz NOT NULL
);
