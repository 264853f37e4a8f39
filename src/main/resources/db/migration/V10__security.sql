-- Who may use the situation room (issue 7): the officers' accounts with their roles, the machine clients' API tokens
-- and the wall screens' kiosk tokens, the case handlers who may read a case's personal data, and the audit log.

CREATE TABLE app_user (
    username      text        PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    display_name  text        NOT NULL CHECK (length(btrim(display_name)) > 0),
    -- Spring Security's encoded form with its algorithm prefix, e.g. {bcrypt}$2a$10$…
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL CHECK (cardinality(roles) > 0),
    -- The one commune a COMMUNE user sees; null for the district's officers.
    commune_code  text,
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    -- Sessions signed in before this (a password reset, a change of roles, disabling) end at their next request.
    sessions_valid_from timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT ('COMMUNE' = ANY (roles)) OR commune_code IS NOT NULL)
);

-- A token is shown once, when it is made; only its SHA-256 is kept.
CREATE TABLE access_token (
    token_id      bigserial   PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('API', 'KIOSK')),
    name          text        NOT NULL CHECK (length(btrim(name)) > 0),
    token_hash    text        NOT NULL UNIQUE,
    scopes        text[]      NOT NULL DEFAULT '{}',
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_by    text,
    revoked_at    timestamptz
);

-- The officer who handles a case: only they (INSPECTION or OFFICE) may read the case's personal data.
CREATE TABLE case_handler (
    case_ref      text        PRIMARY KEY,
    username      text        NOT NULL REFERENCES app_user (username),
    assigned_by   text        NOT NULL,
    assigned_at   timestamptz NOT NULL DEFAULT now()
);

-- Logins, user and token changes, acknowledgements and resolutions, exports and every read of personal data.
CREATE TABLE audit_event (
    audit_id      bigserial   PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT now(),
    actor         text        NOT NULL,
    action        text        NOT NULL,
    target        text,
    detail        text,
    remote_addr   text
);
CREATE INDEX audit_event_at ON audit_event (at DESC);
CREATE INDEX audit_event_action ON audit_event (action, at DESC);
