-- Who is notified of which alerts (issue 22): a person or a machine (a webhook), by channel, for the alerts of a unit
-- (a commune, a province, or the whole region when unit_code is null) from a severity up, at a step of the chain
-- (0 at once; step n when a CRITICAL alert is still not acknowledged n × escalate-after after it was raised). Managed
-- by the administrator; each change is in the audit log.
CREATE TABLE notification_subscription (
    id           bigserial   PRIMARY KEY,
    name         text        NOT NULL CHECK (length(btrim(name)) > 0),
    role         text,
    channel      text        NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'WEBHOOK')),
    address      text        NOT NULL CHECK (length(btrim(address)) > 0),
    unit_code    text,
    min_severity text        NOT NULL CHECK (min_severity IN ('WARNING', 'CRITICAL')),
    step         integer     NOT NULL CHECK (step BETWEEN 0 AND 5),
    enabled      boolean     NOT NULL DEFAULT true,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A notification names the person it went to (as the subscription or the roster says), and a webhook's notification
-- keeps the JSON it posts (signed at each attempt).
ALTER TABLE notification ADD COLUMN recipient_name text;
ALTER TABLE notification ADD COLUMN payload text;
CREATE INDEX notification_alert ON notification (alert_id);
CREATE INDEX notification_created ON notification (created_at DESC);

-- An alert that grows from WARNING to CRITICAL is news again, to those who had its warning too: the severity is part
-- of what makes a notification one.
ALTER TABLE notification ADD COLUMN severity text NOT NULL DEFAULT 'CRITICAL';
ALTER TABLE notification ALTER COLUMN severity DROP DEFAULT;
ALTER TABLE notification DROP CONSTRAINT notification_alert_id_step_channel_recipient_key;
ALTER TABLE notification ADD CONSTRAINT notification_once UNIQUE (alert_id, step, severity, channel, recipient);
