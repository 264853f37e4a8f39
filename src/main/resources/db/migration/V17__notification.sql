-- Every notification of an alert: to whom, by which channel, at which step of the chain, and what became of it. The
-- unique key makes each (alert, step, channel, recipient) one row however many app instances see the alert or restart;
-- the one row is delivered by whichever instance claims it (FOR UPDATE SKIP LOCKED).
CREATE TABLE notification (
    id              bigserial   PRIMARY KEY,
    alert_id        text        NOT NULL,
    commune_code    text        NOT NULL,
    step            integer     NOT NULL,
    channel         text        NOT NULL,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    state           text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    UNIQUE (alert_id, step, channel, recipient)
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE state IN ('PENDING', 'RETRY', 'SENDING');
