package io.guichet.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.ChildService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messenger's webhook answers 200 only once a message is stored. The service is killed with
 * SIGKILL right after the last 200 of a burst of messages, while turns are still under way;
 * after a restart on the same data, every message has been answered, once, and every message
 * that waited for its turn got its answer on Messenger. (A reply committed but not yet sent at
 * the kill is in the transcript but not sent again: that would take an outbound outbox.)
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MetaWebhookCrashTest {
    private static final String SECRET = "crash-app-secret";
    private static final int PEOPLE = 24;
    /** The people whose messages come in the burst's last webhook. */
    private static final int LAST_BATCH = 8;

    @Test
    void aMessageAcknowledgedJustBeforeACrashIsAnsweredOnceAfterTheRestart() throws Exception {
        Vertx vertx = Vertx.vertx();
        Path data = Files.createTempDirectory("guichet-webhook-crash");
        try {
            FakeGraph graph = FakeGraph.start(vertx, "/v21.0/me/messages",
                    body -> body.getJsonObject("recipient").getString("id"), (psid, attempt, auth) -> 200)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Map<String, String> env = Map.of("GUICHET_MESSENGER_APP_SECRET", SECRET,
                    "GUICHET_MESSENGER_VERIFY_TOKEN", "verify", "GUICHET_MESSENGER_PAGE_TOKEN", "page-token",
                    "GUICHET_GRAPH_URL", graph.baseUrl());
            ChildService first = ChildService.start(data, env);
            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<Integer>> sent = new ArrayList<>();
            for (int person = 0; person < PEOPLE - LAST_BATCH; person++) {
                JsonObject event = event("psid-" + person, "mid." + person, "bonjour, où est l'office de tourisme ?");
                sent.add(senders.submit(() -> post(first, event)));
            }
            for (Future<Integer> status : sent) {
                assertEquals(200, status.get(60, TimeUnit.SECONDS));
            }
            // Some answered before the kill, so that the restart must tell them from those still waiting.
            long answeredBefore = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count(data, "SELECT count(*) FROM inbox WHERE handled_at IS NOT NULL") == 0
                    && System.nanoTime() < answeredBefore) {
                Thread.sleep(20);
            }
            // The burst ends with one webhook carrying several people's messages, as Meta batches them:
            // killed right after its 200, the service cannot have answered them all, however fast it is.
            JsonObject last = event("psid-" + (PEOPLE - LAST_BATCH), "mid." + (PEOPLE - LAST_BATCH),
                    "bonjour, où est l'office de tourisme ?");
            for (int person = PEOPLE - LAST_BATCH + 1; person < PEOPLE; person++) {
                last.getJsonArray("entry").addAll(event("psid-" + person, "mid." + person,
                        "bonjour, où est l'office de tourisme ?").getJsonArray("entry"));
            }
            assertEquals(200, post(first, last));
            first.kill();
            senders.shutdown();
            List<String> pending = senders(data);
            long pendingAtCrash = pending.size();
            System.out.println("webhook crash test: " + pendingAtCrash + " of " + PEOPLE
                    + " acknowledged messages were not answered yet when the service was killed");
            // Killed right after the last webhook's 200: its messages, at least, wait for their turn.
            assertTrue(pendingAtCrash > 0, "the service was killed while acknowledged messages waited for their turn");

            try (ChildService second = ChildService.start(data, env)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (count(data, "SELECT count(*) FROM inbox WHERE handled_at IS NULL") > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(0, count(data, "SELECT count(*) FROM inbox WHERE handled_at IS NULL"),
                        "every stored message was taken up after the restart");
                Map<String, Long> asked = perPerson(data, "user");
                Map<String, Long> answered = perPerson(data, "bot");
                for (int person = 0; person < PEOPLE; person++) {
                    String psid = "psid-" + person;
                    assertEquals(1L, asked.getOrDefault(psid, 0L), psid + "'s message is in the transcript once");
                    assertTrue(answered.getOrDefault(psid, 0L) >= 1, psid + " was answered");
                }
                for (String psid : pending) {
                    assertTrue(graph.accepted(psid, calls -> calls.stream().anyMatch(c -> c.containsKey("message")))
                            .stream().anyMatch(c -> c.containsKey("message")), psid + " got the answer on Messenger");
                }
                assertEquals(answered.values().stream().distinct().count(), 1,
                        "one answer each, of the same length for the same question: none answered twice " + answered);
            }
        } finally {
            vertx.close();
            ChildService.deleteTree(data);
        }
    }

    private static JsonObject event(String psid, String mid, String text) {
        return new JsonObject().put("object", "page").put("entry", new JsonArray().add(new JsonObject()
                .put("id", "PAGE_ID").put("time", 1_700_000_000_000L).put("messaging", new JsonArray().add(
                        new JsonObject().put("sender", new JsonObject().put("id", psid))
                                .put("recipient", new JsonObject().put("id", "PAGE_ID"))
                                .put("timestamp", 1_700_000_000_000L)
                                .put("message", new JsonObject().put("mid", mid).put("text", text))))));
    }

    private static int post(ChildService service, JsonObject event) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                        + "/webhooks/messenger"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", FakeGraph.signature(SECRET, event))
                .POST(HttpRequest.BodyPublishers.ofString(event.encode())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long count(Path data, String sql) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("guichet.db"));
             var row = connection.createStatement().executeQuery(sql)) {
            return row.getLong(1);
        }
    }

    /** The people whose message waited for its turn in the inbox. */
    private static List<String> senders(Path data) throws Exception {
        List<String> senders = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("guichet.db"));
             var row = connection.createStatement().executeQuery("SELECT sender FROM inbox WHERE handled_at IS NULL")) {
            while (row.next()) {
                senders.add(row.getString(1));
            }
        }
        return senders;
    }

    /** Per Messenger user, how many lines of {@code sender} their conversation holds. */
    private static Map<String, Long> perPerson(Path data, String sender) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("guichet.db"));
             var select = connection.prepareStatement("SELECT c.channel_user, count(*) FROM messages m JOIN"
                     + " conversations c ON c.id = m.conversation_id WHERE m.sender = ? GROUP BY c.channel_user")) {
            select.setString(1, sender);
            try (var row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return counts;
    }
}
