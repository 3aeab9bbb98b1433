-- Since when a conversation waits for an agent: the queue's wait estimate measures it at the claim,
-- which may be on another node sharing the database, or after a restart. Null when it does not wait
-- (and for the conversations that waited before this column: their last line tells, as before).
ALTER TABLE conversations ADD COLUMN waiting_since TEXT;
