-- The marketing team's decision on each content gap (OPEN, WRITTEN, DISMISSED), kept under the
-- SHA-256 of each wording of the gap, masked and folded: the groups are made again at each read, a
-- wording's key stays. No person's words, so nothing for an erasure to find here.
CREATE TABLE gap_statuses (
    wording_sha256 TEXT PRIMARY KEY,
    status         TEXT NOT NULL,
    at             TEXT NOT NULL
);
