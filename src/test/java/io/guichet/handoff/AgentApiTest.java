package io.guichet.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.TestService;
import io.vertx.core.Future;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent API over HTTP: queue, exclusive claim, messages both ways, release, close, and its refusals. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgentApiTest {
    private static final String CLAIRE = "claire-token-0123456789";
    private static final String PAUL = "paul-token-0123456789";
    private static final String OFFICE = "office-token-0123456789";
    private static WebClient client;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext context) throws Exception {
        Path folder = Files.createTempDirectory("guichet-agents");
        Path agents = Files.writeString(folder.resolve("agents.yml"), "agents:\n"
                + agent("claire", "Claire", "*", "du bureau des congrès", CLAIRE)
                + agent("paul", "Paul", "*", "de l'accueil", PAUL)
                + agent("lea", "Léa", "tourist_office", "de l'office de tourisme", OFFICE));
        TestService.start(vertx, folder.resolve("data"), null, null, agents).onComplete(context.succeeding(port -> {
            client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port));
            context.completeNow();
        }));
    }

    private static String agent(String id, String name, String team, String title, String token) {
        return "  - id: " + id + "\n    name: " + name + "\n    team: \"" + team + "\"\n    title: {fr: \"" + title
                + "\"}\n    token_sha256: " + AgentDirectory.sha256(token) + "\n";
    }

    private static HttpResponse<Buffer> await(Future<HttpResponse<Buffer>> request) {
        try {
            return request.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<Buffer> asAgent(String token, String path, JsonObject body) {
        var request = client.post(path).putHeader("Authorization", "Bearer " + token);
        return await(body == null ? request.send() : request.sendJsonObject(body));
    }

    private static JsonObject say(String id, String text) {
        return await(client.post("/api/v1/conversations/" + id + "/messages").sendJsonObject(new JsonObject()
                .put("text", text))).bodyAsJsonObject();
    }

    private static JsonObject conversation(String id) {
        return await(client.get("/api/v1/conversations/" + id).send()).bodyAsJsonObject();
    }

    private static String handedOff() {
        String id = await(client.post("/api/v1/conversations").sendJsonObject(new JsonObject())).bodyAsJsonObject()
                .getString("id");
        assertEquals("waiting_agent", say(id, "je voudrais parler à un conseiller").getString("status"));
        return id;
    }

    @Test
    void anAgentTakesOverTalksAndHandsBack() {
        String id = handedOff();
        HttpResponse<Buffer> queue = await(client.get("/api/v1/agent/queue").putHeader("Authorization", "Bearer " + CLAIRE).send());
        assertEquals(200, queue.statusCode());
        JsonArray waiting = queue.bodyAsJsonObject().getJsonArray("conversations");
        JsonObject queued = waiting.stream().map(JsonObject.class::cast).filter(c -> c.getString("id").equals(id))
                .findFirst().orElseThrow();
        assertEquals("general", queued.getString("team"));

        HttpResponse<Buffer> claimed = asAgent(CLAIRE, "/api/v1/agent/conversations/" + id + "/claim", null);
        assertEquals(200, claimed.statusCode(), claimed.bodyAsString());
        assertEquals("agent", claimed.bodyAsJsonObject().getString("status"));
        assertEquals("claire", claimed.bodyAsJsonObject().getString("agent"));
        assertTrue(claimed.bodyAsString().contains("Claire, du bureau des congrès, a rejoint la conversation."));
        assertEquals(409, asAgent(PAUL, "/api/v1/agent/conversations/" + id + "/claim", null).statusCode(),
                "two agents cannot hold one conversation");

        JsonObject silent = say(id, "bonjour, j'ai une question sur les salles");
        assertTrue(silent.getJsonArray("replies").isEmpty(), "the bot stays silent while an agent holds it");
        assertEquals("agent", silent.getString("status"));
        assertEquals(409, asAgent(PAUL, "/api/v1/agent/conversations/" + id + "/messages",
                new JsonObject().put("text", "intrus")).statusCode());
        assertEquals(200, asAgent(CLAIRE, "/api/v1/agent/conversations/" + id + "/messages",
                new JsonObject().put("text", "Bonjour, je regarde cela pour vous.")).statusCode());
        JsonArray messages = conversation(id).getJsonArray("messages");
        JsonObject last = messages.getJsonObject(messages.size() - 1);
        assertEquals("agent", last.getString("from"));
        assertEquals("Bonjour, je regarde cela pour vous.", last.getString("text"));

        assertEquals(200, asAgent(CLAIRE, "/api/v1/agent/conversations/" + id + "/release", null).statusCode());
        JsonObject back = say(id, "merci");
        assertEquals("bot", back.getString("status"));
        assertEquals("thanks", back.getJsonObject("intent").getString("name"));
    }

    @Test
    void closingAndTheRefusals() {
        String id = handedOff();
        assertEquals(401, await(client.get("/api/v1/agent/queue").send()).statusCode());
        assertEquals(401, await(client.get("/api/v1/agent/queue").putHeader("Authorization", "Bearer nope").send())
                .statusCode());
        assertEquals(403, asAgent(OFFICE, "/api/v1/agent/conversations/" + id + "/claim", null).statusCode(),
                "an agent of another team");
        assertEquals(404, asAgent(CLAIRE, "/api/v1/agent/conversations/no-such-id/claim", null).statusCode());
        assertEquals(400, asAgent(CLAIRE, "/api/v1/agent/conversations/" + id + "/messages", new JsonObject())
                .statusCode(), "a message needs a text");
        assertEquals(200, asAgent(CLAIRE, "/api/v1/agent/conversations/" + id + "/claim", null).statusCode());
        assertEquals(200, asAgent(CLAIRE, "/api/v1/agent/conversations/" + id + "/close", null).statusCode());
        assertEquals("closed", conversation(id).getString("status"));
        assertEquals("bot", say(id, "bonjour").getString("status"), "writing again opens a new exchange with the bot");
        assertEquals(409, asAgent(CLAIRE, "/api/v1/agent/conversations/" + id + "/messages",
                new JsonObject().put("text", "trop tard")).statusCode());
    }
}
