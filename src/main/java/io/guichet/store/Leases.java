package io.guichet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Work in a table that any node sharing the database may take (lead deliveries, webhook messages):
 * a node takes rows by setting their {@code leased_until}, in one statement that passes over the
 * rows leased and not run out, so that two nodes taking at once never take the same row. A process
 * alone on its SQLite file has no one to share with: the leases left by its previous run (killed
 * mid-way) are void, and what it left is taken up at once.
 */
final class Leases {
    private Leases() {
    }

    /**
     * Leases until {@code leasedUntil} up to {@code limit} rows of {@code table} that meet
     * {@code condition} (its parameters given in order) and that no other node's lease holds at
     * {@code now}, the first in {@code order}; returns their ids, in the caller's transaction.
     */
    static List<Long> take(Connection connection, Database database, String table, String condition, String order,
                           List<String> parameters, Instant now, Instant leasedUntil, int limit) throws SQLException {
        boolean shared = !database.ownedByThisProcess();
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET leased_until = ?"
                + " WHERE id IN (SELECT id FROM " + table + " WHERE " + condition
                + (shared ? " AND (leased_until IS NULL OR leased_until <= ?)" : "") + " ORDER BY " + order + " LIMIT ?"
                + database.dialect().skippingLockedRows() + ") RETURNING id")) {
            int index = 1;
            update.setString(index++, leasedUntil.toString());
            for (String parameter : parameters) {
                update.setString(index++, parameter);
            }
            if (shared) {
                update.setString(index++, now.toString());
            }
            update.setInt(index, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
            return ids;
        }
    }

    static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(i + 1, ids.get(i));
        }
    }
}
