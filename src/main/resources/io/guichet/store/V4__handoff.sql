-- Who a handed-off conversation waits for (a team) and who holds it (an agent).
ALTER TABLE conversations ADD COLUMN team TEXT;
ALTER TABLE conversations ADD COLUMN agent TEXT;

CREATE INDEX conversations_by_status ON conversations (status, updated_at);
