-- Version 1 of the reception event: every field of the contract (README). Rows stored before it keep NULL where a
-- field did not exist yet.
ALTER TABLE reception_event
    ADD COLUMN reception_point   text,
    ADD COLUMN content           text,
    ADD COLUMN field             text,
    ADD COLUMN complex           boolean NOT NULL DEFAULT false,
    ADD COLUMN candidate_related boolean NOT NULL DEFAULT false,
    ADD COLUMN case_ref          text,
    ADD COLUMN summary           text,
    ADD COLUMN severity          text,
    ADD COLUMN destination       text,
    ADD COLUMN status            text,
    ADD COLUMN person_hash       text;

-- Repeat visits of one case are found by its reference.
CREATE INDEX reception_event_case_ref ON reception_event (case_ref) WHERE case_ref IS NOT NULL;

-- The citizen behind an event: personal data, in its own table so that access to it can be granted apart from the
-- events (the denouncer's identity is secret by law). No foreign key: the person and the event arrive on two topics
-- and either may be stored first.
CREATE TABLE reception_person (
    event_id     uuid        PRIMARY KEY,
    commune_code text        NOT NULL,
    name         text,
    id_number    text,
    phone        text,
    address      text,
    stored_at    timestamptz NOT NULL DEFAULT now()
);
