-- A person's webhook messages, looked up by who sent them on which channel when their data is
-- exported or erased. Every table that keeps a person's rows by conversation names the column
-- conversation_id: the export and the erasure find such tables by that name.
CREATE INDEX inbox_by_sender ON inbox (channel, sender);
