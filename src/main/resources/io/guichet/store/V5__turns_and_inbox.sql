-- One row per turn of a person's: what the bot understood and did, for the territory's figures.
-- No personal data: the words stay in messages.
CREATE TABLE turns (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    at              TEXT NOT NULL,
    channel         TEXT NOT NULL,
    lang            TEXT,
    intent          TEXT,
    confidence      REAL,
    fallback        INTEGER NOT NULL,
    sources         TEXT NOT NULL,
    journey         TEXT,
    stage           TEXT,
    handoff_team    TEXT,
    status          TEXT NOT NULL,
    understand_us   INTEGER NOT NULL,
    decide_us       INTEGER NOT NULL
);

CREATE INDEX turns_by_time ON turns (at);
CREATE INDEX turns_by_conversation ON turns (conversation_id, id);

-- Webhook messages, stored before the webhook answers 200 and handled once each.
CREATE TABLE inbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    channel     TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    sender      TEXT NOT NULL,
    text        TEXT NOT NULL,
    sent_at     TEXT,
    received_at TEXT NOT NULL,
    handled_at  TEXT,
    UNIQUE (channel, message_id)
);

CREATE INDEX inbox_pending ON inbox (handled_at, id);

-- Whether the bot's last answer was a fallback: a second one in a row hands the person over.
ALTER TABLE conversations ADD COLUMN fell_back INTEGER NOT NULL DEFAULT 0;
