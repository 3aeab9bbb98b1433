package io.guichet.store;

import io.guichet.analytics.GapStatuses;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The gaps' statuses in their small table, read and written as any change: the marketing team makes them. */
final class StoredGapStatuses implements GapStatuses {
    private final Database database;

    StoredGapStatuses(Database database) {
        this.database = database;
    }

    @Override
    public Map<String, Marked> all() {
        return database.read("cannot read the content gaps' statuses", connection -> {
            Map<String, Marked> statuses = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT wording_sha256, status, at FROM gap_statuses");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    statuses.put(row.getString(1), new Marked(Status.valueOf(row.getString(2)),
                            Instant.parse(row.getString(3))));
                }
            }
            return statuses;
        });
    }

    @Override
    public void mark(Collection<String> keys, Status status, Instant at) {
        database.write("cannot store a content gap's status", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO gap_statuses"
                    + " (wording_sha256, status, at) VALUES (?, ?, ?) ON CONFLICT (wording_sha256)"
                    + " DO UPDATE SET status = excluded.status, at = excluded.at")) {
                for (String key : keys) {
                    upsert.setString(1, key);
                    upsert.setString(2, status.name());
                    upsert.setString(3, at.toString());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }
}
