-- What people think of the answers and of the service, and what agents did after a hand-off: events
-- of a conversation for the marketing team's figures, purged with its retention period. A comment is
-- the person's words (shown masked); nothing else personal.
CREATE TABLE feedback (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    at              TEXT NOT NULL,
    channel         TEXT NOT NULL,
    lang            TEXT,
    kind            TEXT NOT NULL,
    turn_id         INTEGER,
    score           INTEGER,
    comment         TEXT,
    team            TEXT,
    journey         TEXT
);

CREATE INDEX feedback_by_time ON feedback (at, kind);
-- A second thumb on one answer is a change of mind: it replaces the first.
CREATE UNIQUE INDEX feedback_once_per_answer ON feedback (turn_id) WHERE kind = 'ANSWER';

CREATE TABLE handoff_steps (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    at              TEXT NOT NULL,
    kind            TEXT NOT NULL,
    team            TEXT
);

CREATE INDEX handoff_steps_by_conversation ON handoff_steps (conversation_id, kind, at);
CREATE INDEX handoff_steps_by_time ON handoff_steps (at);

-- The rating or comment the bot waits for ("RATING:team"), null for none.
ALTER TABLE conversations ADD COLUMN survey TEXT;
