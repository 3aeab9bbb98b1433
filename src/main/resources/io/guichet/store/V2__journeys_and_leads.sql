-- Journey state travels with its conversation; leads are kept apart, as personal data.
ALTER TABLE conversations ADD COLUMN journey TEXT;

CREATE TABLE leads (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    journey         TEXT NOT NULL,
    team            TEXT NOT NULL,
    lang            TEXT,
    name            TEXT NOT NULL,
    email           TEXT,
    phone           TEXT,
    slots           TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

CREATE INDEX leads_by_date ON leads (created_at);
