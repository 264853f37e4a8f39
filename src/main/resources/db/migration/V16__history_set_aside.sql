-- What a history sink could never store (the database refuses it, however often it is tried): which sink, which item
-- (an event id, a window), and why, without the item's values. The sink goes on with the rest; the record stays on
-- its topic, so an operator who fixes the cause can replay it.
CREATE TABLE history_set_aside (
    sink         text        NOT NULL,
    item         text        NOT NULL,
    reason       text        NOT NULL,
    set_aside_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sink, item)
);
