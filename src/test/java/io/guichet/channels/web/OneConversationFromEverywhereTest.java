package io.guichet.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.guichet.TestService;
import io.guichet.handoff.AgentDirectory;
import io.guichet.http.HttpApi;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One widget conversation written to at once from its widget, from the HTTP API (the widget's
 * fallback) and by an agent adding notes: every message is kept, each side's in the order it
 * was sent, and each message of the person's is followed by its own answer before anything else
 * is written, because the turns and actions of one conversation run one at a time.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OneConversationFromEverywhereTest {
    private static final String TOKEN = "hammer-agent-token-0123456789";
    private static final int EACH = 15;

    @Test
    void widgetHttpAndAgentAtOnceLoseNothingAndKeepEachTurnWhole(Vertx vertx) throws Exception {
        Path folder = Files.createTempDirectory("guichet-hammer");
        Path agents = Files.writeString(folder.resolve("agents.yml"), """
                agents:
                  - id: claire
                    name: Claire
                    team: "*"
                    token_sha256: %s
                """.formatted(AgentDirectory.sha256(TOKEN)));
        int port = WidgetSocket.await(TestService.start(vertx, folder.resolve("data"), null, null, agents, null, false));
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port));
        try (WidgetSocket widget = WidgetSocket.connect(vertx, port, "/ws/widget", null, null)) {
            widget.send(new JsonObject().put("type", "hello").put("lang", "fr"));
            JsonObject welcome = widget.next("welcome");
            String id = welcome.getString("id");
            String path = "/api/v1/conversations/" + id + "/messages";

            // Each HTTP client sends its next request once the last one is answered, as a page does; the
            // widget sends all its messages at once. The three run side by side.
            Future<Void> api = Future.succeededFuture();
            Future<Void> agent = Future.succeededFuture();
            for (int i = 0; i < EACH; i++) {
                int n = i;
                widget.send(new JsonObject().put("type", "message").put("text", "bonjour du widget " + i));
                api = api.compose(done -> ok(client.post(path).putHeader(HttpApi.SECRET_HEADER,
                        welcome.getString("secret")).sendJsonObject(new JsonObject().put("text", "bonjour par l'api " + n))));
                agent = agent.compose(done -> ok(client.post("/api/v1/agent/conversations/" + id + "/notes")
                        .putHeader("Authorization", "Bearer " + TOKEN)
                        .sendJsonObject(new JsonObject().put("text", "note " + n))));
            }
            WidgetSocket.await(Future.all(api, agent));
            for (int turn = 0; turn < 2 * EACH; turn++) {
                widget.next(frame -> "turn_end".equals(frame.getString("type")), Duration.ofSeconds(60));
            }

            JsonArray transcript = WidgetSocket.await(client.get("/api/v1/agent/conversations/" + id)
                    .putHeader("Authorization", "Bearer " + TOKEN).send()).bodyAsJsonObject().getJsonArray("messages");
            List<String> fromWidget = new ArrayList<>();
            List<String> fromApi = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < transcript.size(); i++) {
                JsonObject line = transcript.getJsonObject(i);
                String text = line.getString("text");
                switch (line.getString("from")) {
                    case "user" -> {
                        (text.contains("widget") ? fromWidget : fromApi).add(text);
                        assertNotEquals("user", i + 1 < transcript.size()
                                ? transcript.getJsonObject(i + 1).getString("from") : "user",
                                "the answer to '" + text + "' comes right after it: " + transcript.encodePrettily());
                        assertNotEquals("note", transcript.getJsonObject(i + 1).getString("from"),
                                "nothing comes between a message and its answer");
                    }
                    case "note" -> notes.add(text);
                    default -> { }
                }
            }
            assertEquals(numbered("bonjour du widget "), fromWidget, "the widget's messages, all, in order");
            assertEquals(numbered("bonjour par l'api "), fromApi, "the API's messages, all, in order");
            assertEquals(numbered("Claire : note "), notes, "the agent's notes, all, in order");
        }
    }

    private static Future<Void> ok(Future<HttpResponse<Buffer>> request) {
        return request.compose(response -> response.statusCode() == 200 ? Future.<Void>succeededFuture()
                : Future.failedFuture(response.statusCode() + " " + response.bodyAsString()));
    }

    private static List<String> numbered(String prefix) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            texts.add(prefix + i);
        }
        return texts;
    }
}
