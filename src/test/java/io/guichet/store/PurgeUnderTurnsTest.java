package io.guichet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.TestFixtures;
import io.guichet.conversation.Conversation;
import io.guichet.dialogue.ConversationService;
import io.guichet.kb.KnowledgeBase;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Understanding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The retention purge runs while many conversations take turns. It once took the store's
 * connection and then each cached conversation's lock, while a turn took them the other way
 * round: both waited for ever, and every later turn of those conversations hung.
 */
class PurgeUnderTurnsTest {
    private static final int CONVERSATIONS = 16;
    private static final int TURNS_EACH = 12;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void purgingWhileConversationsTakeTurnsNeverDeadlocks(TestStores engine) throws Exception {
        Path folder = Files.createTempDirectory("guichet-purge");
        List<IntentFile> intents = IntentFile.loadAll(TestFixtures.INTENTS);
        Understanding understanding = Understanding.train(intents, TestFixtures.embedder());
        KnowledgeBase knowledge = KnowledgeBase.load(Path.of("src/test/resources/service-kb"), TestFixtures.embedder());
        ExecutorService pool = Executors.newFixedThreadPool(CONVERSATIONS + 1);
        // Not closed on failure: a deadlocked store holds its connection for ever, and closing waits for it.
        Store store = engine.fresh(folder).open(Clock.systemUTC());
        try {
            ConversationService service = new ConversationService(understanding, knowledge, store, intents,
                    Clock.systemUTC());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                ids.add(service.open("web", "fr").id());
            }
            AtomicBoolean talking = new AtomicBoolean(true);
            Future<Integer> purges = pool.submit(() -> {
                int runs = 0;
                while (talking.get()) {
                    // A cutoff in the past deletes nothing of this test's messages but walks every conversation.
                    store.purgeBefore(Instant.now().minus(Duration.ofDays(1)));
                    runs++;
                }
                return runs;
            });
            List<Future<?>> turns = new ArrayList<>();
            for (String id : ids) {
                turns.add(pool.submit(() -> {
                    for (int t = 0; t < TURNS_EACH; t++) {
                        service.post(id, t % 2 == 0 ? "bonjour" : "à quelle heure ouvre l'office de tourisme ?",
                                LocalDate.parse("2026-11-21"));
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            for (Future<?> turn : turns) {
                try {
                    turn.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("turns hung while the purge ran: a lock-order deadlock", e);
                }
            }
            talking.set(false);
            assertTrue(purges.get(10, TimeUnit.SECONDS) > 0, "the purge ran during the turns");
            for (String id : ids) {
                Conversation stored = store.find(id).orElseThrow();
                assertEquals(TURNS_EACH, stored.messages().stream().filter(m -> m.from().equals("user")).count());
            }
            store.close();
        } finally {
            pool.shutdownNow();
        }
    }
}
