-- The answer given to a message its client named (Rasa's REST channel's message_id, the HTTP
-- API's messageId): the same message sent again, after a lost reply or a node that died, gets
-- that answer again instead of a second turn. Written in the turn's own transaction.
CREATE TABLE message_receipts (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_id TEXT NOT NULL,
    text TEXT NOT NULL,
    answer TEXT NOT NULL,
    turn_id BIGINT,
    at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, message_id)
);
