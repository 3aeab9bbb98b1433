package io.guichet.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.channels.whatsapp.WhatsAppSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** WhatsApp Cloud API end to end against a fake Graph API on loopback. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WhatsAppChannelTest {
    private static final String SECRET = "test-whatsapp-secret";
    private static FakeGraph graph;
    private static WebClient client;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext context) throws Exception {
        Path data = Files.createTempDirectory("guichet-whatsapp");
        FakeGraph.start(vertx, "/v21.0/1234567890/messages", body -> body.getString("to"), (to, attempt, auth) -> 200)
                .compose(fake -> {
                    graph = fake;
                    return io.guichet.TestService.start(vertx, data, null,
                            new WhatsAppSettings(SECRET, "verify", "wa-token", "1234567890", fake.baseUrl()), null);
                }).onComplete(context.succeeding(port -> {
                    client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port));
                    context.completeNow();
                }));
    }

    private static JsonObject change(JsonObject value) {
        return new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray().add(
                new JsonObject().put("id", "WABA_ID").put("changes", new JsonArray().add(new JsonObject()
                        .put("field", "messages").put("value", value.put("messaging_product", "whatsapp")
                                .put("metadata", new JsonObject().put("phone_number_id", "1234567890")))))));
    }

    private static JsonObject message(String from, String id, JsonObject content, Instant at) {
        return change(new JsonObject().put("contacts", new JsonArray().add(new JsonObject().put("wa_id", from)))
                .put("messages", new JsonArray().add(content.put("from", from).put("id", id)
                        .put("timestamp", String.valueOf(at.getEpochSecond())))));
    }

    private static int post(JsonObject payload, String secret) {
        String signature = FakeGraph.signature(secret, payload);
        try {
            return client.post("/webhooks/whatsapp").putHeader("X-Hub-Signature-256", signature)
                    .putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(payload.encode()))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int text(String from, String id, String body) {
        return post(message(from, id, new JsonObject().put("type", "text")
                .put("text", new JsonObject().put("body", body)), Instant.now()), SECRET);
    }

    private static List<JsonObject> sentTo(String number, Predicate<List<JsonObject>> done) throws InterruptedException {
        return graph.accepted(number, done);
    }

    @Test
    void aJourneyWithButtonsListsAndInteractiveReplies() throws InterruptedException {
        assertEquals(200, text("33639980001", "wamid.1", "Nous organisons un séminaire pour 40 personnes les 12 et 13 mars"));
        List<JsonObject> first = sentTo("33639980001", s -> s.stream().anyMatch(m -> m.encode().contains("nuit")));
        assertTrue(first.stream().allMatch(m -> m.getString("messaging_product").equals("whatsapp")), first.toString());
        assertEquals(200, text("33639980001", "wamid.2", "2 nuits"));
        List<JsonObject> layout = sentTo("33639980001", s -> s.stream().anyMatch(m -> m.containsKey("interactive")));
        JsonObject list = layout.stream().filter(m -> m.containsKey("interactive")).findFirst().orElseThrow()
                .getJsonObject("interactive");
        assertEquals("list", list.getString("type"), "six layouts do not fit three buttons: " + list.encode());
        JsonArray rows = list.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows");
        assertEquals(6, rows.size());
        String theatre = rows.getJsonObject(0).getString("id");

        JsonObject listReply = new JsonObject().put("type", "interactive").put("interactive", new JsonObject()
                .put("type", "list_reply").put("list_reply", new JsonObject().put("id", theatre).put("title", theatre)));
        assertEquals(200, post(message("33639980001", "wamid.3", listReply, Instant.now()), SECRET));
        // Two nights on site imply lodging: the next question is the optional budget, then the offer to pass it on.
        assertEquals(200, text("33639980001", "wamid.4", "je ne sais pas"));
        List<JsonObject> consent = sentTo("33639980001", s -> s.stream().filter(m -> m.containsKey("interactive"))
                .anyMatch(m -> m.encode().contains("transmette")));
        JsonObject buttons = consent.stream().filter(m -> m.containsKey("interactive") && m.encode().contains("transmette"))
                .map(m -> m.getJsonObject("interactive")).findFirst().orElseThrow();
        assertEquals("button", buttons.getString("type"));
        JsonArray choices = buttons.getJsonObject("action").getJsonArray("buttons");
        assertEquals(2, choices.size(), "yes / no as two reply buttons: " + buttons.encode());
        choices.forEach(b -> assertTrue(((JsonObject) b).getJsonObject("reply").getString("title").length() <= 20));

        String yes = choices.getJsonObject(0).getJsonObject("reply").getString("id");
        String[][] steps = {{yes, "nom"}, {"Paul Durand", "adresse e-mail"}, {"06 39 98 12 34", "transmis"}};
        int id = 5;
        for (String[] step : steps) {
            JsonObject reply = step[0].equals(yes)
                    ? new JsonObject().put("type", "interactive").put("interactive", new JsonObject().put("type",
                    "button_reply").put("button_reply", new JsonObject().put("id", yes).put("title", yes)))
                    : new JsonObject().put("type", "text").put("text", new JsonObject().put("body", step[0]));
            assertEquals(200, post(message("33639980001", "wamid." + id++, reply, Instant.now()), SECRET));
            String expected = step[1];
            List<JsonObject> sent = sentTo("33639980001", s -> s.stream().anyMatch(m -> m.encode().contains(expected)));
            assertTrue(sent.stream().anyMatch(m -> m.encode().contains(expected)),
                    "after '" + step[0] + "' the bot says '" + expected + "': " + sent);
        }
    }

    @Test
    void statusesAreIgnoredAndUnsignedCallsRefused() throws InterruptedException {
        JsonObject status = change(new JsonObject().put("statuses", new JsonArray().add(new JsonObject()
                .put("id", "wamid.out").put("status", "delivered").put("recipient_id", "33639980002"))));
        assertEquals(200, post(status, SECRET));
        assertEquals(403, post(message("33639980002", "wamid.x", new JsonObject().put("type", "text")
                .put("text", new JsonObject().put("body", "bonjour")), Instant.now()), "wrong-secret"));
        assertTrue(sentTo("33639980002", s -> false).isEmpty());
    }

    @Test
    void anAgentMessageOutsideTheServiceWindowIsRefused(Vertx vertx) {
        io.guichet.channels.whatsapp.WhatsAppChannel channel = new io.guichet.channels.whatsapp.WhatsAppChannel(vertx,
                null, null, new WhatsAppSettings(SECRET, "verify", "wa-token", "1234567890", graph.baseUrl()),
                java.time.Clock.systemUTC());
        Instant yesterday = Instant.now().minus(Duration.ofHours(25));
        io.guichet.conversation.Conversation old = io.guichet.conversation.Conversation.restore("c1", "whatsapp",
                "33639980009", "fr", io.guichet.conversation.Status.AGENT, yesterday, null, "general", "claire",
                List.of(new io.guichet.conversation.Message("user", "bonjour", yesterday)));
        assertTrue(!channel.reaches(old));
        io.guichet.conversation.Conversation recent = io.guichet.conversation.Conversation.restore("c2", "whatsapp",
                "33639980010", "fr", io.guichet.conversation.Status.AGENT, Instant.now(), null, "general", "claire",
                List.of(new io.guichet.conversation.Message("user", "bonjour", Instant.now())));
        assertTrue(channel.reaches(recent));
    }

    @Test
    void aTimestampNoInstantHoldsLosesNeitherItsMessageNorTheOthers() throws InterruptedException {
        // Seconds past Instant's range threw while the delivery was read, and near its end the 24-hour window
        // overflowed: either way the exception dropped every message of the delivery, after Meta had its 200.
        JsonObject text = new JsonObject().put("type", "text").put("text", new JsonObject().put("body", "bonjour"));
        JsonObject delivery = message("33639980011", "wamid.beyond", text.copy(), Instant.now());
        JsonArray messages = delivery.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0)
                .getJsonObject("value").getJsonArray("messages");
        messages.getJsonObject(0).put("timestamp", Long.toString(Long.MAX_VALUE));
        messages.add(text.copy().put("from", "33639980012").put("id", "wamid.last")
                .put("timestamp", Long.toString(Instant.MAX.getEpochSecond())));
        messages.add(text.copy().put("from", "33639980013").put("id", "wamid.now")
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())));
        assertEquals(200, post(delivery, SECRET));
        for (String number : List.of("33639980011", "33639980012", "33639980013")) {
            assertFalse(sentTo(number, s -> !s.isEmpty()).isEmpty(), number + " is answered");
        }
    }

    @Test
    void aMessageOutsideTheServiceWindowIsNotAnswered() throws InterruptedException {
        assertEquals(200, post(message("33639980003", "wamid.old", new JsonObject().put("type", "text")
                .put("text", new JsonObject().put("body", "bonjour")), Instant.now().minus(Duration.ofHours(25))), SECRET));
        assertEquals(200, text("33639980004", "wamid.fresh", "bonjour"));
        assertTrue(!sentTo("33639980004", s -> !s.isEmpty()).isEmpty(), "a fresh message is answered");
        assertEquals(0, graph.attempts("33639980003"), "a message older than 24 hours is not");
    }
}
