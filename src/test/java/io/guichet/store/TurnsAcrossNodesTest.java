package io.guichet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guichet.TestFixtures;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.Message;
import io.guichet.dialogue.ConversationService;
import io.guichet.kb.KnowledgeBase;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Understanding;
import io.guichet.turn.LocalConversationLocks;
import io.guichet.turn.TurnGateway;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database, each with its store, its gateway and its Vert.x, taking
 * turns in the same conversations at once: each conversation answers one message at a time, in
 * the order each node received them, and no node's turn overwrites the other's.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TurnsAcrossNodesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-21");
    private static List<IntentFile> intents;
    private static Understanding understanding;
    private static KnowledgeBase knowledge;
    private static final List<Vertx> VERTICES = new ArrayList<>();

    @BeforeAll
    static void train() throws Exception {
        intents = IntentFile.loadAll(TestFixtures.INTENTS);
        understanding = Understanding.train(intents, TestFixtures.embedder());
        knowledge = KnowledgeBase.load(Path.of("src/test/resources/service-kb"), TestFixtures.embedder());
    }

    @AfterAll
    static void stop() {
        VERTICES.forEach(Vertx::close);
    }

    /** A node: its own pool of connections, its own Vert.x and local order, the shared database. */
    private record Node(Store store, ConversationService service, TurnGateway gateway) {
        static Node on(TestStores.Place place) {
            Store store = place.open(Clock.systemUTC());
            Vertx vertx = Vertx.vertx();
            VERTICES.add(vertx);
            ConversationService service = new ConversationService(understanding, knowledge, store, intents,
                    Clock.systemUTC());
            return new Node(store, service, new TurnGateway(service, new LocalConversationLocks(vertx, store)));
        }
    }

    private Node first;
    private Node second;

    @BeforeEach
    void twoNodes(@TempDir Path folder) {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        first = Node.on(place);
        second = Node.on(place);
    }

    @AfterEach
    void closeStores() {
        first.store().close();
        second.store().close();
    }

    @Test
    void messagesPostedToTwoNodesAtOnceAreAnsweredOnceEachInOrder() throws Exception {
        String id = first.service().open("web", "fr").id();
        int each = 15;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        // Among the turns, work that notes whether any other work of the conversation runs meanwhile.
        Callable<Void> probe = () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            Thread.sleep(3);
            running.decrementAndGet();
            return null;
        };
        List<Future<?>> turns = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            turns.add(first.gateway().post(id, "bonjour " + i + " depuis un", TODAY));
            turns.add(second.gateway().post(id, "bonjour " + i + " depuis deux", TODAY));
            turns.add(first.gateway().act(id, probe));
            turns.add(second.gateway().act(id, probe));
        }
        await(turns);
        assertEquals(0, overlaps.get(), "one node at a time works on the conversation");
        List<Message> transcript = second.store().find(id).orElseThrow().messages();
        assertEquals(4 * each, transcript.size(), "every message and its answer stored once: " + transcript);
        for (int line = 0; line < transcript.size(); line++) {
            assertEquals(line % 2 == 0 ? "user" : "bot", transcript.get(line).from(),
                    "each answer follows its message: " + transcript);
        }
        List<String> asked = transcript.stream().filter(m -> m.from().equals("user")).map(Message::text).toList();
        for (String node : List.of("un", "deux")) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                expected.add("bonjour " + i + " depuis " + node);
            }
            assertEquals(expected, asked.stream().filter(text -> text.endsWith(" " + node)).toList(),
                    "a node's messages in the order it received them");
        }
    }

    @Test
    void slotsGivenThroughTwoNodesAtOnceAreAllKept() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = first.service().open("web", "fr").id();
            first.service().post(id, "Bonjour, nous organisons un séminaire pour 40 personnes les 12 et 13 mars",
                    TODAY);
            ids.add(id);
        }
        List<Future<?>> turns = new ArrayList<>();
        for (String id : ids) {
            turns.add(first.gateway().post(id, "1 nuit", TODAY));
            turns.add(second.gateway().post(id, "en théâtre", TODAY));
        }
        await(turns);
        for (String id : ids) {
            Conversation stored = first.store().find(id).orElseThrow();
            Map<String, Object> slots = stored.journey().slots();
            assertEquals(40, slots.get("people_count"), "slots: " + slots);
            assertEquals(1, slots.get("nights"), "slots: " + slots);
            assertEquals("theatre", slots.get("room_layout"), "slots: " + slots);
        }
    }

    private static void await(List<Future<?>> turns) throws Exception {
        Future.all(new ArrayList<>(turns)).toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    }
}
