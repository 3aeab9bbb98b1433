package io.guichet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guichet.conversation.JourneyState;
import io.guichet.conversation.Status;
import io.guichet.lead.Lead;
import io.guichet.people.ContactKey;
import io.guichet.people.PeopleStore;
import io.guichet.people.PersonConversation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A person's data across the store. Texts cannot be searched for a detail in SQL the way the bot
 * reads it (a number typed "06 12 34 56 78", an address in capitals), so SQL picks the rows that
 * may hold it, by a clue, and {@link ContactKey#appearsIn} decides.
 *
 * <p>Export and erasure name no table but {@code conversations} and {@code inbox}: every table
 * with a {@value #CONVERSATION_COLUMN} column is read from the database's catalogue each time, so a
 * table added by a later migration is exported and erased with no change here.
 */
final class StoredPeople implements PeopleStore {
    /** The column by which a table keeps rows of a conversation's; export and erasure rely on that name. */
    private static final String CONVERSATION_COLUMN = "conversation_id";
    /** The last digits of a number, which every way of writing it keeps together once its separators are removed. */
    private static final int PHONE_CLUE_DIGITS = 8;
    /**
     * What people type between a number's digits, as {@link io.guichet.nlu.ContactDetails} reads
     * it: spaces (no-break and thin ones too), tabs, line breaks, dots, hyphens and dashes.
     */
    private static final int[] PHONE_SEPARATORS = {' ', '.', '-', '\t', '\n', '\r', 0xA0, 0x202F, 0x2009, 0x2011,
        0x2013};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database writer;
    private final Database reader;
    private final Consumer<Collection<String>> forgetConversations;
    private final Dialect dialect;
    /** "{@code IN} the JSON list of conversation ids given as the one parameter". */
    private final String inConversations;

    /** @param forgetConversations drops erased conversations from whatever keeps them in memory */
    StoredPeople(Database writer, Database reader, Consumer<Collection<String>> forgetConversations) {
        this.writer = writer;
        this.reader = reader;
        this.forgetConversations = forgetConversations;
        this.dialect = writer.dialect();
        this.inConversations = dialect.inJsonList();
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(ContactKey key) {
        return reader.read("cannot export a person's data", connection -> {
            Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
            for (Selection selection : selections(connection, traces(connection, key))) {
                records.put(selection.table(), selection.rows(connection));
            }
            return records;
        });
    }

    @Override
    public Map<String, Integer> erase(ContactKey key) {
        return writer.write("cannot erase a person's data", connection -> {
            Traces traces = traces(connection, key);
            List<Selection> selections = selections(connection, traces);
            // Counted before anything is deleted: a cascade would otherwise hide rows from a later count.
            Map<String, Integer> erased = new LinkedHashMap<>();
            for (Selection selection : selections) {
                erased.put(selection.table(), selection.count(connection));
            }
            // Tables added later may reference one another: checked once all is deleted, at commit.
            dialect.deferForeignKeys(connection);
            for (int i = selections.size() - 1; i >= 0; i--) {
                selections.get(i).delete(connection);
            }
            // Under the connection's lock, so that no reader of the conversations sees them in between.
            forgetConversations.accept(traces.conversations());
            return erased;
        });
    }

    @Override
    public Set<ContactKey> contactsOf(String conversationId) {
        return reader.read("cannot read the contact details of conversation " + conversationId, connection -> {
            Set<ContactKey> contacts = new LinkedHashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT channel, channel_user FROM conversations WHERE id = ?")) {
                select.setString(1, conversationId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        ContactKey.ofChannelUser(row.getString(1), row.getString(2)).ifPresent(contacts::add);
                    }
                }
            }
            for (Lead lead : StoredLeads.select(connection, CONVERSATION_COLUMN + " = ?", conversationId)) {
                contacts.addAll(ContactKey.foundIn(lead.email()));
                contacts.addAll(ContactKey.foundIn(lead.phone()));
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT text FROM messages WHERE conversation_id = ? AND sender = 'user' ORDER BY seq")) {
                select.setString(1, conversationId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        contacts.addAll(ContactKey.foundIn(row.getString(1)));
                    }
                }
            }
            return contacts;
        });
    }

    @Override
    public List<PersonConversation> conversationsOf(Set<ContactKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return reader.read("cannot read a person's conversations", connection -> {
            Set<String> ids = new LinkedHashSet<>();
            for (ContactKey key : keys) {
                ids.addAll(conversations(connection, key));
            }
            String idList = json(ids);
            Map<String, List<Lead>> leads = StoredLeads.select(connection, CONVERSATION_COLUMN + inConversations,
                    idList).stream().collect(Collectors.groupingBy(Lead::conversationId));
            List<PersonConversation> conversations = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, channel, created_at, updated_at,"
                    + " status, agent, journey FROM conversations WHERE id" + inConversations
                    + " ORDER BY updated_at DESC")) {
                select.setString(1, idList);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String id = row.getString(1);
                        String journey = row.getString(7);
                        conversations.add(new PersonConversation(id, row.getString(2),
                                Instant.parse(row.getString(3)), Instant.parse(row.getString(4)),
                                Status.valueOf(row.getString(5)), row.getString(6),
                                journey == null ? null : JourneyState.fromJson(journey),
                                leads.getOrDefault(id, List.of())));
                    }
                }
            }
            return conversations;
        });
    }

    /** Where a person's data lies: their conversations, and their ids on the messaging channels. */
    private record Traces(Set<String> conversations, Set<ChannelUser> channelUsers) {
    }

    private record ChannelUser(String channel, String user) {
    }

    private Traces traces(Connection connection, ContactKey key) throws SQLException {
        Set<String> conversations = conversations(connection, key);
        Set<ChannelUser> users = new LinkedHashSet<>();
        key.channelUsers().forEach((channel, user) -> users.add(new ChannelUser(channel, user)));
        try (PreparedStatement select = connection.prepareStatement("SELECT channel, channel_user FROM conversations"
                + " WHERE id" + inConversations + " AND channel_user IS NOT NULL")) {
            select.setString(1, json(conversations));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    users.add(new ChannelUser(row.getString(1), row.getString(2)));
                }
            }
        }
        return new Traces(conversations, users);
    }

    /**
     * The person's conversations: those whose leads carry the detail, those where the person typed
     * it, and those of the channel users the detail is (a WhatsApp number). A lead outlives its
     * conversation's retention: its conversation id is kept, for the tables that may still hold it.
     */
    private Set<String> conversations(Connection connection, ContactKey key) throws SQLException {
        String leadColumn = key.kind() == ContactKey.Kind.EMAIL ? "email" : "phone";
        Set<String> ids = new LinkedHashSet<>(holding(connection, key, "SELECT " + CONVERSATION_COLUMN + ", "
                + leadColumn + " FROM leads WHERE " + mayHold(key, leadColumn)));
        ids.addAll(holding(connection, key, "SELECT " + CONVERSATION_COLUMN + ", text FROM messages"
                + " WHERE sender = 'user' AND " + mayHold(key, "text")));
        for (Map.Entry<String, String> user : key.channelUsers().entrySet()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM conversations WHERE channel = ? AND channel_user = ?")) {
                select.setString(1, user.getKey());
                select.setString(2, user.getValue());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    /** The conversation ids (first column) of the rows {@code sql} selects whose text (second column) holds the key. */
    private Set<String> holding(Connection connection, ContactKey key, String sql) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            // A clue is digits or an @: no wildcard of LIKE's, no letter whose case the engines treat differently.
            select.setString(1, "%" + clue(key) + "%");
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (key.appearsIn(row.getString(2))) {
                        ids.add(row.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    /** SQL, with one parameter (the {@link #clue}), true for every text of {@code column} that may hold the key. */
    private static String mayHold(ContactKey key, String column) {
        String text = column;
        if (key.kind() == ContactKey.Kind.PHONE) {
            for (int separator : PHONE_SEPARATORS) {
                // The separator itself in the SQL, which both engines take as it is between quotes.
                text = "replace(" + text + ", '" + Character.toString(separator) + "', '')";
            }
        }
        return text + " LIKE ?";
    }

    /**
     * What a text that holds the key contains for sure. An address may have been typed in capitals
     * or with accents, which SQL does not fold alike in both engines: its @ is the clue. A number keeps its last
     * digits together however it was written.
     */
    private static String clue(ContactKey key) {
        return key.kind() == ContactKey.Kind.EMAIL ? "@"
                : key.value().substring(key.value().length() - PHONE_CLUE_DIGITS);
    }

    /** The rows of one table that are the person's, as a condition on it. */
    private record Selection(String table, String where, List<String> parameters) {
        List<Map<String, Object>> rows(Connection connection) throws SQLException {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement select = prepare(connection, "SELECT * FROM " + quoted() + " WHERE " + where);
                 ResultSet row = select.executeQuery()) {
                ResultSetMetaData columns = row.getMetaData();
                while (row.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int column = 1; column <= columns.getColumnCount(); column++) {
                        values.put(columns.getColumnName(column), row.getObject(column));
                    }
                    rows.add(values);
                }
            }
            return rows;
        }

        int count(Connection connection) throws SQLException {
            try (PreparedStatement select = prepare(connection, "SELECT count(*) FROM " + quoted() + " WHERE " + where);
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }

        void delete(Connection connection) throws SQLException {
            try (PreparedStatement delete = prepare(connection, "DELETE FROM " + quoted() + " WHERE " + where)) {
                delete.executeUpdate();
            }
        }

        /** Table names come from the catalogue: quoted, whatever a later migration names them. */
        private String quoted() {
            return '"' + table.replace("\"", "\"\"") + '"';
        }

        private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            return statement;
        }
    }

    /**
     * The person's rows, table by table: their conversations, then every table that keeps rows by
     * conversation, then the webhook messages their channel users sent. Deleting them in the
     * reverse order deletes what refers to a conversation before the conversation.
     */
    private List<Selection> selections(Connection connection, Traces traces) throws SQLException {
        String ids = json(traces.conversations());
        List<Selection> selections = new ArrayList<>();
        selections.add(new Selection("conversations", "id" + inConversations, List.of(ids)));
        for (String table : conversationTables(connection)) {
            selections.add(new Selection(table, CONVERSATION_COLUMN + inConversations, List.of(ids)));
        }
        List<String> inboxWhere = new ArrayList<>();
        List<String> senders = new ArrayList<>();
        for (ChannelUser user : traces.channelUsers()) {
            inboxWhere.add("(channel = ? AND sender = ?)");
            senders.add(user.channel());
            senders.add(user.user());
        }
        selections.add(new Selection("inbox", inboxWhere.isEmpty() ? "FALSE" : String.join(" OR ", inboxWhere), senders));
        return selections;
    }

    /** Every table with a {@value #CONVERSATION_COLUMN} column, by name. */
    private List<String> conversationTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(dialect.tablesWithColumn())) {
            select.setString(1, CONVERSATION_COLUMN);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tables.add(row.getString(1));
                }
            }
        }
        return tables;
    }

    private static String json(Collection<String> ids) {
        try {
            return JSON.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }
}
