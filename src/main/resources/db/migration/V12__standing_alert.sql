-- The alerts of standing conditions the app raised itself (a case's deadline near or passed, a day of the election
-- period without anyone on duty at the district office): which ones were raised, so that a check raises only new
-- conditions, and which are still open, so that it ends those whose condition is gone.
CREATE TABLE standing_alert (
    alert_id     text        PRIMARY KEY,
    rule         text        NOT NULL,
    commune_code text        NOT NULL,
    raised_at    timestamptz NOT NULL,
    ended_at     timestamptz
);

CREATE INDEX standing_alert_open ON standing_alert (rule) WHERE ended_at IS NULL;
