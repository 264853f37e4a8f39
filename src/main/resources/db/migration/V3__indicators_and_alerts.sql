-- Event ids stay unique, but the inserts no longer name the constraint ("ON CONFLICT DO NOTHING"): on TimescaleDB the
-- key of a hypertable must hold its time column, and V4 widens it to (event_id, occurred_at) there.

-- The hour and day windows of commune-indicators: the open window's latest counts, replaced by its final counts when
-- it closes. Every counter is a column so that any of them can be summed, ranked and charted. The codes are compared
-- byte by byte (COLLATE "C"): they are identifiers, not words, and the keys are faster so.
CREATE TABLE commune_indicator (
    commune_code              text        COLLATE "C" NOT NULL,
    window_size               text        COLLATE "C" NOT NULL CHECK (window_size IN ('HOUR', 'DAY')),
    window_start              timestamptz NOT NULL,
    window_end                timestamptz NOT NULL,
    is_final                  boolean     NOT NULL,
    events                    bigint      NOT NULL,
    visits                    bigint      NOT NULL,
    petitions                 bigint      NOT NULL,
    people                    bigint      NOT NULL,
    crowds                    bigint      NOT NULL,
    complex                   bigint      NOT NULL,
    candidate_related         bigint      NOT NULL,
    incidents                 bigint      NOT NULL,
    escalations               bigint      NOT NULL,
    case_updates              bigint      NOT NULL,
    repeat_cases              bigint      NOT NULL,
    content_complaint         bigint      NOT NULL,
    content_denunciation      bigint      NOT NULL,
    content_recommendation    bigint      NOT NULL,
    content_reflection        bigint      NOT NULL,
    content_mixed             bigint      NOT NULL,
    field_land                bigint      NOT NULL,
    field_compensation        bigint      NOT NULL,
    field_social_policy       bigint      NOT NULL,
    field_election_candidate  bigint      NOT NULL,
    field_official_misconduct bigint      NOT NULL,
    field_administration      bigint      NOT NULL,
    field_other               bigint      NOT NULL,
    stored_at                 timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (commune_code, window_size, window_start)
);

-- A region window is recomputed from its communes' rows, and the ranking reads the day windows of a time range.
CREATE INDEX commune_indicator_size_time ON commune_indicator (window_size, window_start);

-- Every alert in its latest state (from the compacted alerts topic).
CREATE TABLE alert (
    alert_id         text        PRIMARY KEY,
    commune_code     text        NOT NULL,
    rule             text        NOT NULL,
    severity         text        NOT NULL,
    state            text        NOT NULL,
    first_seen       timestamptz NOT NULL,
    last_seen        timestamptz NOT NULL,
    trigger_count    bigint      NOT NULL,
    reasons          jsonb       NOT NULL,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    acknowledge_note text,
    resolved_by      text,
    resolved_at      timestamptz,
    resolve_note     text,
    stored_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX alert_commune_first_seen ON alert (commune_code, first_seen);
CREATE INDEX alert_first_seen ON alert (first_seen);

-- Every change of an alert's state: raised (OPEN), acknowledged, resolved; who, when and with what note. An alert
-- passes through each state once, so the state is part of the key and a replayed alert adds nothing.
CREATE TABLE alert_transition (
    alert_id text        NOT NULL,
    state    text        NOT NULL,
    at       timestamptz NOT NULL,
    by_whom  text,
    note     text,
    PRIMARY KEY (alert_id, state)
);
