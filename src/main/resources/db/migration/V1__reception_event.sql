-- Every accepted reception event, once: the event id is the idempotency key, so a replayed topic adds nothing.
CREATE TABLE reception_event (
    event_id     uuid        PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    commune_code text        NOT NULL,
    type         text        NOT NULL,
    headcount    integer     NOT NULL CHECK (headcount >= 1),
    recorded_at  timestamptz NOT NULL DEFAULT now()
);

-- The analysts' queries are "this commune, this period".
CREATE INDEX reception_event_commune_time ON reception_event (commune_code, occurred_at);
-- Whole-district ranges over a table that only grows in time order: a BRIN index is tiny and enough.
CREATE INDEX reception_event_time_brin ON reception_event USING brin (occurred_at);
