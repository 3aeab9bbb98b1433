package io.guichet.store;

import io.guichet.crm.DeliveryStore;
import io.guichet.lead.Lead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The leads waiting to be pushed to their team's CRM ({@code lead_deliveries}). A delivery is queued
 * in the transaction of its lead's turn rather than found later by the worker: a lead is then
 * never stored without its delivery, whatever crashes when, and a team given a webhook is sent its
 * new leads only, not every lead it ever had.
 */
final class StoredLeadDeliveries implements DeliveryStore {
    private final Database database;
    /** The teams with a webhook; read by every turn that stores a lead. */
    private volatile Set<String> queuedTeams = Set.of();

    StoredLeadDeliveries(Database database) {
        this.database = database;
    }

    @Override
    public void queueLeadsOf(Set<String> teams) {
        queuedTeams = Set.copyOf(teams);
    }

    /** Queues the lead just inserted as {@code leadId}, in the caller's transaction, if its team has a webhook. */
    void queue(Connection connection, long leadId, Lead lead, Instant now) throws SQLException {
        if (!queuedTeams.contains(lead.team())) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lead_deliveries (lead_id,"
                + " conversation_id, team, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, leadId);
            insert.setString(2, lead.conversationId());
            insert.setString(3, lead.team());
            insert.setString(4, now.toString());
            insert.setString(5, now.toString());
            insert.executeUpdate();
        }
    }

    @Override
    public List<Delivery> due(Instant now, String team, int limit, Instant leasedUntil) {
        return database.write("cannot lease the lead deliveries due", connection -> {
            List<Long> leased = Leases.take(connection, database, "lead_deliveries",
                    "next_attempt_at IS NOT NULL AND next_attempt_at <= ? AND team = ?", "next_attempt_at, id",
                    List.of(now.toString(), team), now, leasedUntil, limit);
            List<Delivery> due = new ArrayList<>();
            if (leased.isEmpty()) {
                return due;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT d.id, d.attempts, l.id,"
                    + " l.conversation_id, l.journey, l.team, l.lang, l.name, l.email, l.phone, l.slots, l.created_at"
                    + " FROM lead_deliveries d JOIN leads l ON l.id = d.lead_id"
                    + " WHERE d.id IN (" + Database.placeholders(leased.size()) + ") ORDER BY d.next_attempt_at, d.id")) {
                Leases.bind(select, leased);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        due.add(new Delivery(row.getLong(1), row.getInt(2), StoredLeads.lead(row, 3)));
                    }
                }
            }
            return due;
        });
    }

    @Override
    public void attempted(long delivery, Attempt attempt) {
        database.write("cannot record an attempt at lead delivery " + delivery, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE lead_deliveries SET attempts = ?,"
                    + " last_attempt_at = ?, last_status = ?, last_error = ?, next_attempt_at = ?, delivered_at = ?,"
                    + " leased_until = NULL WHERE id = ?")) {
                update.setInt(1, attempt.attempts());
                update.setString(2, attempt.at().toString());
                if (attempt.status() == null) {
                    update.setNull(3, Types.INTEGER);
                } else {
                    update.setInt(3, attempt.status());
                }
                update.setString(4, attempt.error());
                update.setString(5, attempt.retryAt() == null ? null : attempt.retryAt().toString());
                update.setString(6, attempt.delivered() ? attempt.at().toString() : null);
                update.setLong(7, delivery);
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Deletes, in the caller's transaction, the deliveries settled before {@code cutoff}: delivered,
     * or given up. Those still pending stay, however old: they are work, not history.
     */
    static void purgeBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lead_deliveries"
                + " WHERE next_attempt_at IS NULL AND coalesce(delivered_at, last_attempt_at) < ?")) {
            delete.setString(1, cutoff.toString());
            delete.executeUpdate();
        }
    }
}
