-- What the marketing team's figures need besides a turn's record: whether the request was out of
-- the territory's scope (the weather, an alarm: no gap in its content), and which of the person's
-- messages the turn answered (its words stay in messages, and are purged with them).
ALTER TABLE turns ADD COLUMN out_of_scope INTEGER NOT NULL DEFAULT 0;
ALTER TABLE turns ADD COLUMN message_seq INTEGER;

CREATE INDEX turns_by_journey ON turns (journey, at);
CREATE INDEX messages_by_sender ON messages (sender, conversation_id, seq);
CREATE INDEX leads_by_conversation ON leads (conversation_id, journey);
