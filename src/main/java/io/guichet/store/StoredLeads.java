package io.guichet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guichet.lead.Lead;
import io.guichet.lead.LeadStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Leads, kept apart from conversations as personal data; each written in its turn's transaction. */
final class StoredLeads implements LeadStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;

    StoredLeads(Database database) {
        this.database = database;
    }

    /** Inserts the lead in the caller's transaction; returns its id. */
    static long insert(Connection connection, Lead lead) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO leads (conversation_id, journey,"
                + " team, lang, name, email, phone, slots, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, lead.conversationId());
            insert.setString(2, lead.journey());
            insert.setString(3, lead.team());
            insert.setString(4, lead.lang());
            insert.setString(5, lead.name());
            insert.setString(6, lead.email());
            insert.setString(7, lead.phone());
            insert.setString(8, JSON.writeValueAsString(lead.slots()));
            insert.setString(9, lead.createdAt().toString());
            return StoredConversations.insertedId(insert);
        } catch (JsonProcessingException e) {
            throw new SQLException("a lead's slots cannot be written as JSON", e);
        }
    }

    @Override
    public List<Lead> all() {
        return database.read("cannot read the leads", connection -> select(connection, "TRUE"));
    }

    /** The leads {@code where} selects, newest first, read in the caller's connection. */
    static List<Lead> select(Connection connection, String where, String... parameters) throws SQLException {
        List<Lead> leads = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, conversation_id, journey, team,"
                + " lang, name, email, phone, slots, created_at FROM leads WHERE " + where + " ORDER BY id DESC")) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    leads.add(lead(row, 1));
                }
            }
        }
        return leads;
    }

    /**
     * The lead in the row's columns from {@code first} on: id, conversation_id, journey, team, lang,
     * name, email, phone, slots, created_at.
     */
    static Lead lead(ResultSet row, int first) throws SQLException {
        return new Lead(row.getLong(first), row.getString(first + 1), row.getString(first + 2),
                row.getString(first + 3), row.getString(first + 4), row.getString(first + 5),
                row.getString(first + 6), row.getString(first + 7), slots(row.getString(first + 8)),
                Instant.parse(row.getString(first + 9)));
    }

    private static Map<String, Object> slots(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("a lead's slots are not JSON", e);
        }
    }
}
