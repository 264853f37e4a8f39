-- The communes' watch lists of crowd delegations and prolonged complainants (the plan: commune chairs keep them).
-- Entries come from the events (a case with a crowd, a case that keeps coming back) or are added by hand; removing one
-- keeps it, with who removed it, when and why. The subject is a case reference or, by hand, a short description.
CREATE TABLE watch_entry (
    entry_id       bigserial   PRIMARY KEY,
    commune_code   text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('DELEGATION', 'PROLONGED')),
    subject        text        NOT NULL CHECK (length(btrim(subject)) > 0),
    added_by       text        NOT NULL,
    reason         text,
    added_at       timestamptz NOT NULL DEFAULT now(),
    removed_by     text,
    removed_reason text,
    removed_at     timestamptz
);

-- One open entry per commune, kind and subject.
CREATE UNIQUE INDEX watch_entry_open ON watch_entry (commune_code, kind, subject) WHERE removed_at IS NULL;
