package io.guichet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.Message;
import io.guichet.conversation.InboxEntry;
import io.guichet.conversation.MessageReceipt;
import io.guichet.conversation.TurnCommit;
import io.guichet.conversation.TurnRecord;
import io.guichet.conversation.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Every test on both engines: the embedded SQLite file and PostgreSQL. */
class StoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aSavedTurnIsThereAfterReopening(TestStores engine, @TempDir Path folder) {
        TestStores.Place place = engine.fresh(folder);
        String id;
        try (Store store = place.open(CLOCK)) {
            Conversation conversation = store.create("web", "fr");
            id = conversation.id();
            conversation.status(Status.WAITING_AGENT);
            List<Message> turn = List.of(new Message("user", "je veux parler à quelqu'un", CLOCK.instant()),
                    new Message("bot", "Je transmets votre demande.", CLOCK.instant()));
            store.save(conversation, turn);
            turn.forEach(conversation::append);
        }
        try (Store store = place.open(CLOCK)) {
            Conversation restored = store.find(id).orElseThrow();
            assertEquals("web", restored.channel());
            assertEquals("fr", restored.lang());
            assertEquals(Status.WAITING_AGENT, restored.status());
            assertEquals(List.of("user", "bot"), restored.messages().stream().map(Message::from).toList());
            assertEquals("je veux parler à quelqu'un", restored.messages().get(0).text());
            assertEquals(CLOCK.instant(), restored.messages().get(0).at());
            assertTrue(store.find("no-such-id").isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void retentionDeletesOldMessagesAndIdleConversationsButKeepsLeads(TestStores engine, @TempDir Path folder) {
        TestStores.Place place = engine.fresh(folder);
        Instant old = Instant.parse("2025-01-10T10:00:00Z");
        String idle;
        String active;
        try (Store store = place.open(Clock.fixed(old, ZoneOffset.UTC))) {
            Conversation first = store.create("web", "fr");
            idle = first.id();
            store.save(first, List.of(new Message("user", "vieux message", old)));
            Conversation second = store.create("web", "fr");
            active = second.id();
            store.save(second, List.of(new Message("user", "vieux aussi", old)));
            store.commit(new TurnCommit(store.find(idle).orElseThrow(), List.of(), new io.guichet.lead.Lead(0, idle,
                    "seminar_planning", "convention_bureau", "fr", "Claire", "claire@example.org", null,
                    java.util.Map.of("people_count", 40), old), null, null));
        }
        try (Store store = place.open(CLOCK)) {
            Conversation second = store.find(active).orElseThrow();
            store.save(second, List.of(new Message("user", "nouveau message", CLOCK.instant())));
            second.append(new Message("user", "nouveau message", CLOCK.instant()));
            assertEquals(2, store.purgeBefore(CLOCK.instant().minus(java.time.Duration.ofDays(30))),
                    "both old messages are deleted");
            assertTrue(store.find(idle).isEmpty(), "a conversation idle past the retention period is gone");
            assertEquals(List.of("nouveau message"), store.find(active).orElseThrow().messages().stream()
                    .map(Message::text).toList());
            assertEquals(1, store.all().size(), "leads are kept apart from the transcripts");
        }
        try (Store store = place.open(CLOCK)) {
            assertEquals(List.of("nouveau message"), store.find(active).orElseThrow().messages().stream()
                    .map(Message::text).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aChannelUserKeepsOneConversationPerChannel(TestStores engine, @TempDir Path folder) {
        TestStores.Place place = engine.fresh(folder);
        String id;
        try (Store store = place.open(CLOCK)) {
            id = store.forChannelUser("messenger", "psid-1").id();
            assertEquals(id, store.forChannelUser("messenger", "psid-1").id());
            assertTrue(!id.equals(store.forChannelUser("whatsapp", "psid-1").id()), "one conversation per channel");
            assertTrue(!id.equals(store.forChannelUser("messenger", "psid-2").id()), "one conversation per user");
            assertEquals("messenger", store.find(id).orElseThrow().channel());
        }
        try (Store store = place.open(CLOCK)) {
            assertEquals(id, store.forChannelUser("messenger", "psid-1").id(), "and the same after a restart");
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void idsAreUniqueAndUnguessable(TestStores engine, @TempDir Path folder) {
        TestStores.Place place = engine.fresh(folder);
        try (Store store = place.open(CLOCK)) {
            String a = store.create("web", null).id();
            String b = store.create("web", null).id();
            assertTrue(a.length() >= 22 && !a.equals(b), a + " " + b);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void migrationsRunOnceAndRecordTheirVersion(TestStores engine, @TempDir Path folder) throws Exception {
        TestStores.Place place = engine.fresh(folder);
        place.open(CLOCK).close();
        place.open(CLOCK).close();
        try (var connection = place.connect()) {
            assertEquals(Migrations.SCRIPTS.size(), place.dialect().schemaVersion(connection));
        }
    }

    @Test
    void aSqliteFileOfAnEarlierVersionIsUpgradedWithItsRows(@TempDir Path folder) throws Exception {
        String id;
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("guichet.db"))) {
            connection.setAutoCommit(false);
            for (int version = 1; version <= 10; version++) {
                Migrations.applyNext(connection, Dialect.SQLITE);
                connection.commit();
            }
            id = "left-by-an-earlier-release";
            connection.createStatement().execute("INSERT INTO conversations (id, channel, status, created_at,"
                    + " updated_at) VALUES ('" + id + "', 'web', 'BOT', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')");
            connection.commit();
        }
        try (Store store = Store.open(folder, CLOCK)) {
            assertEquals("web", store.find(id).orElseThrow().channel());
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("guichet.db"))) {
            assertEquals(Migrations.SCRIPTS.size(), Dialect.SQLITE.schemaVersion(connection), "in its user_version");
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aTurnIsAllOrNothing(TestStores engine, @TempDir Path folder) {
        TestStores.Place place = engine.fresh(folder);
        String id;
        try (Store store = place.open(CLOCK)) {
            Conversation conversation = store.create("web", "fr");
            id = conversation.id();
            List<Message> broken = List.of(new Message("user", "bonjour", CLOCK.instant()),
                    new Message("bot", null, CLOCK.instant()));
            assertThrows(StoreException.class, () -> store.save(conversation, broken));
            store.save(conversation, List.of(new Message("user", "salut", CLOCK.instant())));
        }
        try (Store store = place.open(CLOCK)) {
            List<Message> messages = store.find(id).orElseThrow().messages();
            assertEquals(List.of("salut"), messages.stream().map(Message::text).toList(),
                    "the failed turn left nothing behind, and the store still works after it");
        }
    }

    @Test
    void anUnwritableFolderIsAClearError(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        StoreException error = assertThrows(StoreException.class, () -> Store.open(file, CLOCK));
        assertTrue(error.getMessage().contains("not-a-folder"), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void theInboxKeepsEachWebhookMessageOnceUntilTheTurnThatAnswersIt(TestStores engine, @TempDir Path folder) {
        TestStores.Place place = engine.fresh(folder);
        try (Store store = place.open(CLOCK)) {
            InboxEntry first = new InboxEntry(0, "messenger", "mid.1", "psid-1", "bonjour", null);
            InboxEntry second = new InboxEntry(0, "messenger", "mid.2", "psid-1", "un séminaire", null);
            List<InboxEntry> accepted = store.accept(List.of(first, second), CLOCK.instant());
            assertEquals(List.of("mid.1", "mid.2"), accepted.stream().map(InboxEntry::messageId).toList());
            assertTrue(accepted.get(0).id() < accepted.get(1).id(), "numbered in the order received");
            assertEquals(List.of(), store.accept(List.of(first), CLOCK.instant()), "a redelivery is dropped");
            assertEquals(List.of(), store.accept(List.of(new InboxEntry(0, "messenger", "mid.1", "psid-9", "x", null)), CLOCK.instant()),
                    "whoever it claims to be from");

            Conversation conversation = store.forChannelUser("messenger", "psid-1");
            store.commit(new TurnCommit(conversation, List.of(new Message("user", "bonjour", CLOCK.instant())), null,
                    null, accepted.get(0).id()));
            assertEquals(List.of("mid.2"), store.takePending("messenger", CLOCK.instant(), CLOCK.instant()).stream().map(InboxEntry::messageId).toList(),
                    "the turn marked its message handled");
            store.dismiss(accepted.get(1).id());
            assertEquals(List.of(), store.takePending("messenger", CLOCK.instant(), CLOCK.instant()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aTurnRecordIsStoredWithItsTurnAndNotWithoutIt(TestStores engine, @TempDir Path folder) throws Exception {
        TestStores.Place place = engine.fresh(folder);
        try (Store store = place.open(CLOCK)) {
            Conversation conversation = store.create("web", "fr");
            TurnRecord record = new TurnRecord(CLOCK.instant(), "web", "fr", "none", 0.8, false, false, List.of("office"),
                    null, null, null, io.guichet.conversation.Status.BOT, 1200, 300);
            store.commit(new TurnCommit(conversation, List.of(new Message("user", "horaires ?", CLOCK.instant())),
                    null, record, null));
            assertThrows(StoreException.class, () -> store.commit(new TurnCommit(conversation,
                    List.of(new Message("bot", null, CLOCK.instant())), null, record, null)));
        }
        try (var connection = place.connect();
             var row = connection.createStatement().executeQuery("SELECT count(*), max(sources), max(intent),"
                     + " max(m.text) FROM turns t LEFT JOIN messages m ON m.seq = t.message_seq")) {
            row.next();
            assertEquals(1, row.getInt(1), "the failed turn left no record");
            assertEquals("[\"office\"]", row.getString(2));
            assertEquals("none", row.getString(3));
            assertEquals("horaires ?", row.getString(4), "the record points at the message it answered");
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aReceiptIsStoredWithItsTurnOnceAndPurgedWithIt(TestStores engine, @TempDir Path folder) {
        TestStores.Place place = engine.fresh(folder);
        Instant old = Instant.parse("2025-01-10T10:00:00Z");
        String id;
        try (Store store = place.open(Clock.fixed(old, ZoneOffset.UTC))) {
            Conversation conversation = store.create("rest", "fr");
            id = conversation.id();
            TurnRecord record = new TurnRecord(old, "rest", "fr", "none", 0.8, false, false, List.of("office"),
                    null, null, null, Status.BOT, 1200, 300);
            long turn = store.commit(new TurnCommit(conversation, List.of(new Message("user", "horaires ?", old)),
                    null, record, null).receipt(new MessageReceipt("m-1", "horaires ?", "{\"replies\":[]}", 0)));
            assertEquals(new MessageReceipt("m-1", "horaires ?", "{\"replies\":[]}", turn),
                    store.receipt(id, "m-1").orElseThrow(), "kept with the id of its turn's record");
            assertTrue(store.receipt(id, "m-2").isEmpty());
            assertTrue(store.receipt("another-conversation", "m-1").isEmpty(), "an id is the client's within one"
                    + " conversation");
            Conversation same = store.find(id).orElseThrow();
            assertThrows(StoreException.class, () -> store.commit(TurnCommit.of(same,
                    List.of(new Message("user", "horaires ?", old))).receipt(new MessageReceipt("m-1", "horaires ?",
                    "{}", 0))), "a second turn under the same id is refused");
            assertEquals(List.of("horaires ?"), store.find(id).orElseThrow().messages().stream()
                    .map(Message::text).toList(), "and leaves nothing behind");
        }
        try (Store store = place.open(CLOCK)) {
            store.purgeBefore(CLOCK.instant().minus(java.time.Duration.ofDays(30)));
            assertTrue(store.receipt(id, "m-1").isEmpty(), "purged with the messages it answered");
        }
    }
}
