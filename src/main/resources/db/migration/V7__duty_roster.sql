-- The duty roster: which officer is on duty at which reception point, on which day, from when to when (the plan keeps
-- officers on duty at the district office every day of the election period). Times are the country's local times.
CREATE TABLE duty_shift (
    shift_id        bigserial   PRIMARY KEY,
    day             date        NOT NULL,
    starts          time        NOT NULL,
    ends            time        NOT NULL CHECK (ends > starts),
    reception_point text        NOT NULL,
    officer         text        NOT NULL CHECK (length(btrim(officer)) > 0),
    phone           text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX duty_shift_day ON duty_shift (day, starts);
