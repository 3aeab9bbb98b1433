package io.guichet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.InboxEntry;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.conversation.TurnCommit;
import io.guichet.conversation.TurnRecord;
import io.guichet.lead.Lead;
import io.guichet.nlu.ContactDetails;
import io.guichet.people.ContactKey;
import io.guichet.people.People;
import io.guichet.people.PersonConversation;
import io.guichet.people.SamePerson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's data through the real store: Julie wrote on the website and on WhatsApp, Bob on the
 * website. Exporting Julie finds both of her conversations; erasing her leaves nothing of hers in
 * any table of the file, those added by a later migration included, and all of Bob's.
 */
class PeopleStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final String JULIE_EMAIL = "julie.morel@example.org";
    private static final String JULIE_PHONE = "+33612345678";
    private static final String BOB_EMAIL = "bob@example.net";

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void exportFindsEveryConversationOfThePersonAndErasureLeavesNothingOfThemInAnyTable(TestStores engine,
            @TempDir Path folder) throws SQLException {
        TestStores.Place place = engine.fresh(folder);
        String website;
        String phone;
        String bob;
        try (Store store = place.open(CLOCK)) {
            website = turn(store, store.create("widget", "fr"),
                    "Écrivez-moi à Julie.Morel@Example.org ou au 06 12 34 56 78",
                    lead("Julie", JULIE_EMAIL, "0612345678"), null);
            Conversation whatsApp = store.forChannelUser("whatsapp", "33612345678");
            long entry = store.accept(List.of(new InboxEntry(0, "whatsapp", "wamid.1", "33612345678",
                    "c'est encore Julie, pour le séminaire", null)), Instant.now()).get(0).id();
            phone = turn(store, whatsApp, "c'est encore Julie, pour le séminaire", null, entry);
            bob = turn(store, store.create("widget", "fr"), "contactez-moi : " + BOB_EMAIL + ", 07 98 76 54 32",
                    lead("Bob", BOB_EMAIL, "0798765432"), null);
            addTablesOfLaterMigrations(place, List.of(website, phone, bob));

            People people = new People(store.people());
            Map<String, List<Map<String, Object>>> byPhone = people.export(ContactKey.of(null, "06.12.34.56.78"));
            assertEquals(Set.of(website, phone), column(byPhone.get("conversations"), "id"),
                    "the website conversation (its lead, its text) and the WhatsApp one (the number)");
            assertEquals(Set.of(website, phone), column(byPhone.get("messages"), "conversation_id"));
            assertEquals(1, byPhone.get("leads").size());
            assertEquals(2, byPhone.get("turns").size());
            assertEquals(2, byPhone.get("later_notes").size(), "a table added later is exported too");
            assertEquals(1, byPhone.get("inbox").size(), "the WhatsApp webhook message");
            assertEquals(Set.of(website), column(people.export(ContactKey.of("JULIE.MOREL@example.org", null))
                    .get("conversations"), "id"), "an address matches whatever its case");

            Map<String, Integer> erased = people.erase(ContactKey.of(null, JULIE_PHONE));
            assertEquals(Map.of("conversations", 2, "conversation_days", 2, "later_notes", 2, "later_exports", 1, "leads", 1,
                    "messages", 4,
                    "turns", 2, "inbox", 1), erased.entrySet().stream().filter(table -> table.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "the rows removed, per table");
            assertTrue(store.find(website).isEmpty() && store.find(phone).isEmpty(),
                    "nor are the erased conversations kept in memory");
            assertTrue(store.find(bob).isPresent());
        }
        try (Connection connection = place.connect()) {
            int bobsRows = 0;
            for (String table : tables(connection, place)) {
                for (Map<String, Object> row : rows(connection, table)) {
                    for (Object value : row.values()) {
                        String cell = String.valueOf(value);
                        assertFalse(cell.equals(website) || cell.equals(phone), table + " still holds " + row);
                        assertFalse(ContactDetails.emailsIn(cell).contains(JULIE_EMAIL)
                                || ContactDetails.phonesIn(cell).contains(JULIE_PHONE)
                                || cell.contains("33612345678"), table + " still holds Julie's details: " + row);
                    }
                    bobsRows += row.containsValue(bob) ? 1 : 0;
                }
            }
            // Bob's conversation, his 2 messages, his lead, his turn, his day, his note and his lead's export.
            assertEquals(8, bobsRows, "Bob's data is all there");
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aConversationsPersonIsFoundOnTheirOtherChannels(TestStores engine, @TempDir Path folder) {
        try (Store store = engine.fresh(folder).open(CLOCK)) {
            String website = turn(store, store.create("widget", "fr"), "mon mail : julie.morel@example.org",
                    lead("Julie", "Julie.Morel@example.org", "06 12 34 56 78"), null);
            String whatsApp = turn(store, store.forChannelUser("whatsapp", "33612345678"), "bonjour", null, null);
            String rest = turn(store, store.create("rest", "fr"), "JULIE.MOREL@EXAMPLE.ORG, c'est moi", null, null);
            turn(store, store.create("widget", "fr"), "moi c'est " + BOB_EMAIL, null, null);

            SamePerson person = new People(store.people()).samePersonAs(website);
            assertEquals(Set.of(ContactKey.of(JULIE_EMAIL, null), ContactKey.of(null, JULIE_PHONE)), person.contacts());
            assertEquals(Set.of(whatsApp, rest), person.otherConversations().stream().map(PersonConversation::id)
                    .collect(Collectors.toSet()), "the other conversations, not Bob's, not this one");
            PersonConversation fromWhatsApp = new People(store.people()).samePersonAs(whatsApp).otherConversations()
                    .stream().filter(c -> c.id().equals(website)).findFirst().orElseThrow();
            assertEquals("widget", fromWhatsApp.channel());
            assertEquals(Status.BOT, fromWhatsApp.status());
            assertEquals(List.of("Julie"), fromWhatsApp.leads().stream().map(Lead::name).toList());
        }
    }

    /** One turn of the person's, committed as a real turn is: their message, the bot's reply, the record. */
    private static String turn(Store store, Conversation conversation, String text, Lead lead, Long inboxEntry) {
        Instant now = CLOCK.instant();
        Lead withConversation = lead == null ? null : new Lead(0, conversation.id(), lead.journey(), lead.team(),
                lead.lang(), lead.name(), lead.email(), lead.phone(), lead.slots(), now);
        store.commit(new TurnCommit(conversation, List.of(new Message("user", text, now),
                new Message("bot", "Merci, c'est noté.", now)), withConversation,
                new TurnRecord(now, conversation.channel(), "fr", "seminar_planning", 0.9, false, false,
                        List.of(), "seminar_planning", "collecting", null, Status.BOT, 10, 20), inboxEntry));
        return conversation.id();
    }

    private static Lead lead(String name, String email, String phone) {
        return new Lead(0, null, "seminar_planning", "convention_bureau", "fr", name, email, phone,
                Map.of("people_count", 40), CLOCK.instant());
    }

    /**
     * Tables of a later migration, that the erasure knows nothing of but their conversation_id; one
     * refers to the leads, deleted before it, as PostgreSQL allows only of a key declared deferrable.
     */
    private static void addTablesOfLaterMigrations(TestStores.Place place, List<String> conversations)
            throws SQLException {
        try (Connection connection = place.connect(); Statement statement = connection.createStatement()) {
            statement.execute(place.dialect().schema("CREATE TABLE later_notes (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE, rating INTEGER,"
                    + " comment TEXT)"));
            statement.execute(place.dialect().schema("CREATE TABLE later_exports (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " lead_id INTEGER NOT NULL REFERENCES leads (id) DEFERRABLE, conversation_id TEXT NOT NULL,"
                    + " status TEXT)"));
            for (String id : conversations) {
                statement.execute("INSERT INTO later_notes (conversation_id, rating, comment) VALUES ('" + id
                        + "', 5, 'très utile')");
                statement.execute("INSERT INTO later_exports (lead_id, conversation_id, status) SELECT id,"
                        + " conversation_id, 'sent' FROM leads WHERE conversation_id = '" + id + "'");
            }
        }
    }

    private static Set<Object> column(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(row -> row.get(column)).collect(Collectors.toSet());
    }

    private static List<String> tables(Connection connection, TestStores.Place place) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(place.dialect() == Dialect.SQLITE
                     ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                     : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
            while (row.next()) {
                tables.add(row.getString(1));
            }
        }
        assertTrue(tables.containsAll(List.of("conversations", "messages", "leads", "turns", "inbox", "later_notes",
                "later_exports")), tables.toString());
        return tables;
    }

    private static List<Map<String, Object>> rows(Connection connection, String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
            while (row.next()) {
                Map<String, Object> values = new java.util.LinkedHashMap<>();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    values.put(row.getMetaData().getColumnName(column), row.getObject(column));
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
