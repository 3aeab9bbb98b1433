package io.guichet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.channels.web.WidgetKey;
import io.guichet.channels.web.WidgetSecrets;
import io.guichet.conversation.AlreadyClaimedException;
import io.guichet.conversation.InboxEntry;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.HandoffStep;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.conversation.TurnCommit;
import io.guichet.crm.DeliveryStore;
import io.guichet.lead.Lead;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one PostgreSQL database: each a store of its own, with its own pool of connections. */
class SharedPostgresStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void twoNodesOpeningANewDatabaseAtOnceMigrateItOnce(@TempDir Path folder) throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        List<Store> nodes = atOnce(() -> place.open(CLOCK), () -> place.open(CLOCK));
        try (var connection = place.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*), max(version) FROM schema_version")) {
            row.next();
            assertEquals(1, row.getInt(1));
            assertEquals(Migrations.SCRIPTS.size(), row.getInt(2));
        } finally {
            nodes.forEach(Store::close);
        }
    }

    @Test
    void twoNodesStartingAtOnceSignTheWidgetsConversationsAlikeUnlessAKeyIsConfigured(@TempDir Path folder)
            throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        try (Store first = place.open(CLOCK); Store second = place.open(CLOCK)) {
            List<WidgetSecrets> nodes = atOnce(() -> WidgetSecrets.agreed(fresh -> first.sharedKey("widget", fresh)),
                    () -> WidgetSecrets.agreed(fresh -> second.sharedKey("widget", fresh)));
            assertEquals(nodes.get(0).of("conversation-1"), nodes.get(1).of("conversation-1"));
            assertTrue(nodes.get(1).matches("conversation-1", nodes.get(0).of("conversation-1")));
            WidgetSecrets configured = WidgetSecrets.of(WidgetKey.parse("a".repeat(64)));
            assertNotEquals(nodes.get(0).of("conversation-1"), configured.of("conversation-1"), "a configured key wins");
        }
    }

    @Test
    void twoNodesTakingDueDeliveriesAtOnceTakeEachOnceAndLeaveTheOthersLeaseAlone(@TempDir Path folder)
            throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        try (Store first = place.open(CLOCK); Store second = place.open(CLOCK)) {
            first.queueLeadsOf(Set.of("convention_bureau"));
            for (int i = 0; i < 40; i++) {
                Conversation conversation = first.create("web", "fr");
                first.commit(new TurnCommit(conversation, List.of(), new Lead(0, conversation.id(), "seminar_planning",
                        "convention_bureau", "fr", "Claire", "claire@example.org", null, Map.of(), CLOCK.instant()),
                        null, null));
            }
            Instant now = CLOCK.instant();
            Instant leasedUntil = now.plusSeconds(600);
            List<Long> taken = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                List<List<Long>> nodes = atOnce(() -> ids(first.due(now, "convention_bureau", 7, leasedUntil)),
                        () -> ids(second.due(now, "convention_bureau", 7, leasedUntil)));
                nodes.forEach(taken::addAll);
            }
            assertEquals(40, taken.size(), "every due delivery taken: " + taken);
            assertEquals(40, Set.copyOf(taken).size(), "by one node each: " + taken);
            assertEquals(List.of(), second.due(now, "convention_bureau", 50, leasedUntil), "all leased");
            assertEquals(40, first.due(leasedUntil, "convention_bureau", 50, leasedUntil.plusSeconds(600)).size(),
                    "taken up again once the lease ran out (a node died mid-way)");
        }
    }

    @Test
    void aWebhookMessageANodeReceivedIsNotResumedByAnotherWhileItsLeaseHolds(@TempDir Path folder) throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        try (Store first = place.open(CLOCK); Store second = place.open(CLOCK)) {
            Instant now = CLOCK.instant();
            Instant leasedUntil = now.plusSeconds(300);
            first.accept(List.of(new InboxEntry(0, "messenger", "mid.1", "psid-1", "bonjour", null)), leasedUntil);
            assertEquals(List.of(), second.takePending("messenger", now, now.plusSeconds(300)),
                    "the receiving node answers it");
            List<List<InboxEntry>> resumed = atOnce(
                    () -> first.takePending("messenger", leasedUntil, leasedUntil.plusSeconds(300)),
                    () -> second.takePending("messenger", leasedUntil, leasedUntil.plusSeconds(300)));
            assertEquals(1, resumed.get(0).size() + resumed.get(1).size(),
                    "left unanswered past its lease, it is resumed by one node: " + resumed);
            assertEquals(List.of(), first.takePending("whatsapp", leasedUntil, leasedUntil), "another channel's");
        }
    }

    private static List<Long> ids(List<DeliveryStore.Delivery> deliveries) {
        return deliveries.stream().map(DeliveryStore.Delivery::id).toList();
    }

    @Test
    void ofTwoAgentsClaimingAConversationFromTwoNodesAtOnceOneHoldsIt(@TempDir Path folder) throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        try (Store first = place.open(CLOCK); Store second = place.open(CLOCK)) {
            Conversation waiting = first.create("web", "fr");
            waiting.waitForAgent("convention_bureau", CLOCK.instant());
            first.save(waiting, List.of());
            List<Object> outcomes = new ArrayList<>();
            for (Future<String> outcome : submitAtOnce(() -> claim(first, waiting.id(), "alice"),
                    () -> claim(second, waiting.id(), "bob"))) {
                try {
                    outcomes.add(outcome.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            List<Object> held = outcomes.stream().filter(String.class::isInstance).toList();
            assertEquals(1, held.size(), "exactly one claim holds: " + outcomes);
            assertInstanceOf(AlreadyClaimedException.class, outcomes.stream()
                    .filter(o -> !(o instanceof String)).findFirst().orElseThrow());
            Conversation stored = second.find(waiting.id()).orElseThrow();
            assertEquals(Status.AGENT, stored.status());
            assertEquals(held.get(0), stored.agent());
            assertTrue(stored.messages().stream().filter(m -> m.text().startsWith("joined:")).count() == 1,
                    "the losing claim stored nothing: " + stored.messages());
        }
    }

    @Test
    void aChannelUsersFirstMessagesReachingTwoNodesAtOnceOpenOneConversation(@TempDir Path folder) throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        try (Store first = place.open(CLOCK); Store second = place.open(CLOCK)) {
            for (int user = 0; user < 20; user++) {
                String psid = "psid-" + user;
                List<String> ids = atOnce(() -> first.forChannelUser("messenger", psid).id(),
                        () -> second.forChannelUser("messenger", psid).id());
                assertEquals(ids.get(0), ids.get(1), "one conversation for " + psid);
            }
            assertTrue(first.writeProblem().isEmpty(), "no write failed on the way");
        }
    }

    /** An agent's claim as the hand-off commits it; returns the agent once stored. */
    private static String claim(Store node, String id, String agent) {
        Conversation conversation = node.find(id).orElseThrow();
        conversation.status(Status.AGENT);
        conversation.agent(agent);
        node.commit(TurnCommit.of(conversation, List.of(new Message("bot", "joined: " + agent, CLOCK.instant())),
                new HandoffStep(HandoffStep.Kind.CLAIMED, conversation.team())));
        return agent;
    }

    @SafeVarargs
    private static <T> List<T> atOnce(Callable<T>... tasks) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> result : submitAtOnce(tasks)) {
            results.add(result.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    /** Starts the tasks on threads of their own, released together. */
    @SafeVarargs
    private static <T> List<Future<T>> submitAtOnce(Callable<T>... tasks) {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
        CyclicBarrier start = new CyclicBarrier(tasks.length);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(threads.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        threads.shutdown();
        return futures;
    }

    @Test
    void aTurnWaitingForANodeThatHangsGivesUpAsAStoreErrorAndOthersGoOn(@TempDir Path folder) throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        PostgresAddress shared = place.address();
        PostgresAddress impatient = new PostgresAddress(shared.host(), shared.port(), shared.database(), shared.user(),
                shared.password(), shared.query() + "&options=-c%20lock_timeout%3D1s", shared.poolSize());
        ExecutorService hangingNode = Executors.newSingleThreadExecutor();
        try (Store hung = place.open(CLOCK); Store waiting = Store.open(impatient, CLOCK)) {
            java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Future<Object> hangs = hangingNode.submit(() -> hung.holding("conversation-1", () -> {
                holding.countDown();
                return release.await(1, TimeUnit.MINUTES);
            }));
            assertTrue(holding.await(30, TimeUnit.SECONDS));
            long started = System.nanoTime();
            org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                    () -> waiting.holding("conversation-1", () -> "ran"));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(waited >= 900 && waited < 10_000, "gave up after the address's 1 s: " + waited + " ms");
            assertEquals("ran", waiting.holding("conversation-2", () -> "ran"), "other conversations go on");
            release.countDown();
            assertEquals(true, hangs.get(30, TimeUnit.SECONDS));
            assertEquals("ran", waiting.holding("conversation-1", () -> "ran"), "and this one once the node lets go");
        } finally {
            hangingNode.shutdownNow();
        }
        PostgresDatabase unconfigured = PostgresDatabase.open(shared);
        try {
            assertEquals(PostgresDatabase.DEFAULT_LOCK_WAIT, unconfigured.read("lock_timeout", connection -> {
                try (Statement show = connection.createStatement(); ResultSet row = show.executeQuery("SHOW lock_timeout")) {
                    row.next();
                    return row.getString(1);
                }
            }), "without a setting of its own, a node waits for a lock at most this long");
        } finally {
            unconfigured.close();
        }
    }
}
