package io.guichet.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.channels.messenger.MessengerSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messenger end to end against a fake Graph API on loopback: a Vert.x server in the test plays
 * Meta's side, records every Send API call, and fails on demand.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MessengerChannelTest {
    private static final String SECRET = "test-app-secret";
    private static final String VERIFY = "test-verify-token";
    private static final String AGENT_TOKEN = "agent-token-0123456789";
    private static FakeGraph graph;
    private static WebClient client;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext context) throws Exception {
        Path data = Files.createTempDirectory("guichet-messenger");
        Path agents = Files.writeString(data.resolveSibling(data.getFileName() + "-agents.yml"), "agents:\n"
                + "  - id: claire\n    name: Claire\n    team: \"*\"\n    title: {fr: \"du bureau des congrès\"}\n"
                + "    token_sha256: " + io.guichet.handoff.AgentDirectory.sha256(AGENT_TOKEN) + "\n");
        FakeGraph.start(vertx, "/v21.0/me/messages", body -> body.getJsonObject("recipient").getString("id"),
                (psid, attempt, authorization) -> psid.startsWith("revoked") || !"Bearer page-token".equals(authorization)
                        ? 401 : psid.startsWith("flaky") && attempt <= 2 ? 500 : 200)
                .compose(fake -> {
                    graph = fake;
                    return io.guichet.TestService.start(vertx, data,
                            new MessengerSettings(SECRET, VERIFY, "page-token", fake.baseUrl()), null, agents);
                }).onComplete(context.succeeding(port -> {
                    client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port));
                    context.completeNow();
                }));
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject event(String psid, String mid, JsonObject message) {
        return new JsonObject().put("object", "page").put("entry", new JsonArray().add(new JsonObject()
                .put("id", "PAGE_ID").put("time", 1_700_000_000_000L)
                .put("messaging", new JsonArray().add(new JsonObject()
                        .put("sender", new JsonObject().put("id", psid))
                        .put("recipient", new JsonObject().put("id", "PAGE_ID"))
                        .put("timestamp", 1_700_000_000_000L)
                        .put("message", message.put("mid", mid))))));
    }

    private static int post(JsonObject payload, String signature) {
        var request = client.post("/webhooks/messenger").putHeader("content-type", "application/json");
        if (signature != null) {
            request.putHeader("X-Hub-Signature-256", signature);
        }
        return await(request.sendBuffer(Buffer.buffer(payload.encode()))).statusCode();
    }

    private static int say(String psid, String mid, String text) {
        JsonObject payload = event(psid, mid, new JsonObject().put("text", text));
        return post(payload, FakeGraph.signature(SECRET, payload));
    }

    /** The messages (not the typing indicators) sent to a PSID, once {@code done} holds for them. */
    private static List<JsonObject> messagesTo(String psid, Predicate<List<JsonObject>> done) throws InterruptedException {
        Function<List<JsonObject>, List<JsonObject>> messages = calls -> calls.stream().filter(m -> m.containsKey("message"))
                .map(m -> m.getJsonObject("message")).toList();
        return messages.apply(graph.accepted(psid, calls -> done.test(messages.apply(calls))));
    }

    @Test
    void anAgentsReplyReachesTheMessengerUser() throws InterruptedException {
        assertEquals(200, say("psid-handoff", "mid-h1", "je voudrais parler à un conseiller"));
        messagesTo("psid-handoff", m -> !m.isEmpty());
        JsonObject queued = await(client.get("/api/v1/agent/queue").putHeader("Authorization", "Bearer " + AGENT_TOKEN)
                .send()).bodyAsJsonObject().getJsonArray("conversations").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("channel").equals("messenger")).findFirst().orElseThrow();
        String id = queued.getString("id");
        assertEquals(200, await(client.post("/api/v1/agent/conversations/" + id + "/claim")
                .putHeader("Authorization", "Bearer " + AGENT_TOKEN).send()).statusCode());
        assertEquals(200, await(client.post("/api/v1/agent/conversations/" + id + "/messages")
                .putHeader("Authorization", "Bearer " + AGENT_TOKEN)
                .sendJsonObject(new JsonObject().put("text", "Bonjour, ici Claire. Que puis-je faire pour vous ?")))
                .statusCode());
        List<JsonObject> received = messagesTo("psid-handoff",
                m -> m.stream().anyMatch(x -> x.getString("text", "").startsWith("Bonjour, ici Claire")));
        assertTrue(received.stream().anyMatch(x -> x.getString("text", "").contains("a rejoint la conversation")),
                "the user is told who joined: " + received);
        assertTrue(received.stream().anyMatch(x -> x.getString("text", "").startsWith("Bonjour, ici Claire")), received.toString());
    }

    @Test
    void theSubscriptionHandshake() {
        HttpResponse<Buffer> ok = await(client.get("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=" + VERIFY
                + "&hub.challenge=1158201444").send());
        assertEquals(200, ok.statusCode());
        assertEquals("1158201444", ok.bodyAsString());
        assertEquals(403, await(client.get("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=wrong"
                + "&hub.challenge=1").send()).statusCode());
    }

    @Test
    void unsignedOrWronglySignedCallsAreRefused() throws InterruptedException {
        JsonObject payload = event("psid-intruder", "mid-x", new JsonObject().put("text", "bonjour"));
        assertEquals(403, post(payload, null));
        assertEquals(403, post(payload, FakeGraph.signature("another-secret", payload)));
        assertEquals(403, post(payload, "sha256=not-hex"));
        assertEquals(403, post(payload, FakeGraph.signature(SECRET, payload.copy().put("object", "tampered"))));
        assertTrue(messagesTo("psid-intruder", m -> false).isEmpty(), "nothing refused is processed");
    }

    @Test
    void aJourneyOverMessengerWithQuickReplies() throws InterruptedException {
        assertEquals(200, say("psid-journey", "mid-1", "Nous organisons un séminaire pour 40 personnes les 12 et 13 mars"));
        List<JsonObject> first = messagesTo("psid-journey", m -> m.stream().anyMatch(x -> x.getString("text", "").contains("nuit")));
        assertTrue(first.stream().anyMatch(m -> m.getString("text", "").contains("nuit")), first.toString());

        JsonObject quick = event("psid-journey", "mid-2", new JsonObject().put("text", "2")
                .put("quick_reply", new JsonObject().put("payload", "2 nuits")));
        assertEquals(200, post(quick, FakeGraph.signature(SECRET, quick)));
        List<JsonObject> second = messagesTo("psid-journey", m -> m.stream().anyMatch(x -> x.containsKey("quick_replies")));
        JsonArray options = second.stream().filter(m -> m.containsKey("quick_replies")).findFirst().orElseThrow()
                .getJsonArray("quick_replies");
        assertTrue(options.size() <= 13);
        options.forEach(o -> assertTrue(((JsonObject) o).getString("title").length() <= 20, o.toString()));
        assertTrue(options.stream().anyMatch(o -> ((JsonObject) o).getString("title").contains("héâtre")), options.encode());

        // Two nights on site imply lodging: after the layout comes the optional budget.
        String[][] steps = {{"Théâtre", "budget"}, {"Passer", "transmette"},
                {"Oui", "nom"}, {"Claire Martin", "adresse e-mail"}, {"claire.martin@example.org", "transmis"}};
        int mid = 3;
        for (String[] step : steps) {
            JsonObject answer = event("psid-journey", "mid-" + mid++, new JsonObject().put("text", step[0])
                    .put("quick_reply", new JsonObject().put("payload", step[0])));
            assertEquals(200, post(answer, FakeGraph.signature(SECRET, answer)));
            String expected = step[1];
            List<JsonObject> sent = messagesTo("psid-journey",
                    m -> m.stream().anyMatch(x -> x.getString("text", "").contains(expected)));
            assertTrue(sent.stream().anyMatch(x -> x.getString("text", "").contains(expected)),
                    "after '" + step[0] + "' the bot says '" + expected + "': " + sent);
        }
    }

    @Test
    void redeliveriesAndEchoesAreDropped() throws InterruptedException {
        assertEquals(200, say("psid-redelivered", "mid-same", "bonjour"));
        assertEquals(200, say("psid-redelivered", "mid-same", "bonjour"));
        JsonObject echo = event("psid-redelivered", "mid-echo", new JsonObject().put("text", "bonjour").put("is_echo", true));
        assertEquals(200, post(echo, FakeGraph.signature(SECRET, echo)));
        assertEquals(200, say("psid-control", "mid-control", "bonjour"));
        int answer = messagesTo("psid-control", m -> !m.isEmpty()).size();
        Thread.sleep(1500);
        assertTrue(answer > 0);
        assertEquals(messagesTo("psid-control", m -> true).size(),
                messagesTo("psid-redelivered", m -> true).size(), "answered once, like a sender who said it once");
    }

    @Test
    void a500IsRetriedAndA401IsNot() throws InterruptedException {
        assertEquals(200, say("flaky-1", "mid-flaky", "bonjour"));
        List<JsonObject> delivered = messagesTo("flaky-1", m -> !m.isEmpty());
        assertTrue(!delivered.isEmpty(), "delivered after two 500s");
        assertEquals(200, say("revoked-1", "mid-revoked", "bonjour"));
        Thread.sleep(2000);
        int sends = graph.attempts("revoked-1");
        Thread.sleep(1500);
        assertEquals(sends, graph.attempts("revoked-1"), "no retry storm on a rejected token");
        assertTrue(sends <= 3, "one attempt per call (typing, the reply texts): " + sends);
    }
}
