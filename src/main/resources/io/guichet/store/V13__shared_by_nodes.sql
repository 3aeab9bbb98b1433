-- What the nodes sharing a database agree on, made by the first one to start: the widget's key.
CREATE TABLE shared_keys (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A node that takes due deliveries or pending webhook messages leases them until then: another
-- node leaves them alone meanwhile, and takes them up once the lease ran out (the node died).
ALTER TABLE lead_deliveries ADD COLUMN leased_until TEXT;
ALTER TABLE inbox ADD COLUMN leased_until TEXT;

-- The passage vectors every node embedded, by model and SHA-256 of the passage's text: a node
-- joining takes them rather than embedding the knowledge base again.
CREATE TABLE passage_vectors (
    model TEXT NOT NULL,
    hash TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, hash)
);
