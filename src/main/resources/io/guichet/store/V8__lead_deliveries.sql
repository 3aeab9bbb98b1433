-- Each lead pushed to its team's CRM by an outgoing webhook: one row per lead of a team that has a
-- webhook, written in the lead's own transaction, so that no lead is committed without its delivery.
-- No personal data here: the body is built from the lead at each attempt. conversation_id lets an
-- erasure of a person's data find these rows as it finds every other table's; deleting the lead
-- deletes its delivery too.
CREATE TABLE lead_deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id         INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    conversation_id TEXT NOT NULL,
    team            TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    -- When the next attempt is due; null once delivered or given up.
    next_attempt_at TEXT,
    delivered_at    TEXT,
    last_attempt_at TEXT,
    -- The receiver's HTTP status of the last attempt, null when it gave none (refused, timed out).
    last_status     INTEGER,
    last_error      TEXT,
    created_at      TEXT NOT NULL
);

-- The worker's scan: the deliveries due, soonest first.
CREATE INDEX lead_deliveries_due ON lead_deliveries (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
-- The dashboard's period, and an erasure by conversation.
CREATE INDEX lead_deliveries_by_date ON lead_deliveries (created_at, team);
CREATE INDEX lead_deliveries_by_conversation ON lead_deliveries (conversation_id);
