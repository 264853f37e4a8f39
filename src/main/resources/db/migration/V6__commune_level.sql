-- Every state of every commune's hotspot level as commune-hotspots published it: the level, the reasons and the
-- window's counts at a moment. The police map replays the last 24 hours from here; the state at a moment is each
-- commune's latest row at or before it.
CREATE TABLE commune_level (
    commune_code text        COLLATE "C" NOT NULL,
    as_of        timestamptz NOT NULL,
    level        text        NOT NULL,
    hotspot      jsonb       NOT NULL,
    stored_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (commune_code, as_of)
);

-- A replay reads the states of every commune in the days before a moment.
CREATE INDEX commune_level_as_of ON commune_level (as_of);
