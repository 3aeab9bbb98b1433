-- What the nodes sharing a database agree on, made by the first one to start: the widget's key.
CREATE TABLE shared_keys (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A node that takes due deliveries or pending webhook messages leases them until then: another
-- node leaves them alone meanwhile, and takes them up once the lease ran out (the node died).
ALTER TABLE lead_deliveries ADD COLUMN leased_until TEXT;
ALTER TABLE inbox ADD COLUMN leased_until TEXT;
