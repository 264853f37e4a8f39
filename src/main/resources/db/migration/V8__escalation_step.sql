-- What the commune did about citizens who went to the province or the central level (an ESCALATION event): contacted
-- them, then brought them home. Who, when and with what note; each step once.
CREATE TABLE escalation_step (
    event_id uuid        NOT NULL,
    step     text        NOT NULL CHECK (step IN ('CONTACTED', 'RETURNED')),
    at       timestamptz NOT NULL DEFAULT now(),
    by_whom  text        NOT NULL CHECK (length(btrim(by_whom)) > 0),
    note     text,
    PRIMARY KEY (event_id, step)
);
