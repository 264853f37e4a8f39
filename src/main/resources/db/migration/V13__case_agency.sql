-- The agency that handles each case: a department of the district (by its name, as configured) or a commune's
-- People's Committee ('commune:<code>'), given by the district office; the latest assignment counts.
CREATE TABLE case_agency (
    case_ref      text        PRIMARY KEY,
    agency        text        NOT NULL CHECK (length(btrim(agency)) > 0),
    assigned_by   text        NOT NULL,
    assigned_at   timestamptz NOT NULL DEFAULT now()
);
