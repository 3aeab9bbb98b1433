package io.guichet.store;

import io.guichet.conversation.Inbox;
import io.guichet.conversation.InboxEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Webhook messages waiting for their turn; a redelivery is recognised by the channel's message id. */
final class StoredInbox implements Inbox {
    /** Pending entries taken at most per call (one parameter each in the query that reads them); the rest come next. */
    private static final int RESUMED_AT_ONCE = 500;
    private final Database database;
    private final Clock clock;

    StoredInbox(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<InboxEntry> accept(List<InboxEntry> received, Instant leasedUntil) {
        if (received.isEmpty()) {
            return List.of();
        }
        return database.write("cannot store webhook messages", connection -> {
            List<InboxEntry> accepted = new ArrayList<>();
            // A message already there (a redelivery, or the same one posted to another node) returns no id.
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox (channel,"
                    + " message_id, sender, text, sent_at, received_at, leased_until) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (channel, message_id) DO NOTHING RETURNING id")) {
                String now = clock.instant().toString();
                for (InboxEntry entry : received) {
                    insert.setString(1, entry.channel());
                    insert.setString(2, entry.messageId());
                    insert.setString(3, entry.sender());
                    insert.setString(4, entry.text());
                    insert.setString(5, entry.sentAt() == null ? null : entry.sentAt().toString());
                    insert.setString(6, now);
                    insert.setString(7, leasedUntil.toString());
                    try (ResultSet id = insert.executeQuery()) {
                        if (id.next()) {
                            accepted.add(new InboxEntry(id.getLong(1), entry.channel(), entry.messageId(),
                                    entry.sender(), entry.text(), entry.sentAt()));
                        }
                    }
                }
            }
            return accepted;
        });
    }

    @Override
    public List<InboxEntry> takePending(String channel, Instant now, Instant leasedUntil) {
        return database.write("cannot lease the webhook inbox's pending messages", connection -> {
            List<Long> leased = Leases.take(connection, database, "inbox", "handled_at IS NULL AND channel = ?", "id",
                    List.of(channel), now, leasedUntil, RESUMED_AT_ONCE);
            List<InboxEntry> pending = new ArrayList<>();
            if (leased.isEmpty()) {
                return pending;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT id, channel, message_id, sender, text,"
                    + " sent_at FROM inbox WHERE id IN (" + Database.placeholders(leased.size()) + ") ORDER BY id")) {
                Leases.bind(select, leased);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String sentAt = row.getString(6);
                        pending.add(new InboxEntry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                                row.getString(5), sentAt == null ? null : Instant.parse(sentAt)));
                    }
                }
            }
            return pending;
        });
    }

    @Override
    public void dismiss(long entry) {
        database.write("cannot update the webhook inbox", connection -> {
            markHandled(connection, entry, clock.instant());
            return null;
        });
    }

    /** Marks the entry handled in the caller's transaction: the turn that answered it. */
    static void markHandled(Connection connection, long entry, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE inbox SET handled_at = ? WHERE id = ? AND handled_at IS NULL")) {
            update.setString(1, at.toString());
            update.setLong(2, entry);
            update.executeUpdate();
        }
    }

    /** Forgets the handled entries received before {@code cutoff}; a redelivery comes within minutes. */
    static void purgeBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM inbox WHERE handled_at IS NOT NULL AND received_at < ?")) {
            delete.setString(1, cutoff.toString());
            delete.executeUpdate();
        }
    }
}
