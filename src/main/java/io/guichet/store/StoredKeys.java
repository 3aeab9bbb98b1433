package io.guichet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;

/**
 * Keys every node sharing the database must hold alike ({@code shared_keys}): the first node to
 * start stores the one it made, and every node, that one included, uses the one stored.
 */
final class StoredKeys {
    private final Database database;

    StoredKeys(Database database) {
        this.database = database;
    }

    /** The key stored under {@code name}, {@code proposed} stored first when there is none. */
    byte[] agreed(String name, byte[] proposed) {
        String stored = database.write("cannot store or read the shared key " + name, connection -> {
            // Two nodes starting at once both insert: the second's does nothing, and both read the first's.
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO shared_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING");
                 PreparedStatement select = connection.prepareStatement("SELECT value FROM shared_keys WHERE name = ?")) {
                insert.setString(1, name);
                insert.setString(2, Base64.getEncoder().encodeToString(proposed));
                insert.executeUpdate();
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
        return Base64.getDecoder().decode(stored);
    }
}
