package io.guichet.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.ModelServer;
import io.guichet.TestService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A generated answer as the widget receives it: its words in draft frames while the model writes
 * them, then the answer's own message frame, checked whole, then the end of the turn; the REST
 * channel, which cannot stream, gets the whole answer.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamedAnswerTest {
    private static final String ANSWER = "L'office vous accueille du lundi au samedi de 9 h 30 à 18 h, place de la "
            + "Cathédrale.";
    private static Vertx vertx;
    private static ModelServer model;
    private static int port;

    @BeforeAll
    static void start(Vertx shared, VertxTestContext context) throws Exception {
        vertx = shared;
        model = ModelServer.start(vertx);
        model.pieceDelayMs = 0;
        model.model = body -> ANSWER.replace(", place", " [p1], place").replace("drale.", "drale [p1].");
        TestService.start(vertx, Files.createTempDirectory("guichet-stream").resolve("data"),
                        model.endpoint(Duration.ofSeconds(5)))
                .onComplete(context.succeeding(started -> {
                    port = started;
                    context.completeNow();
                }));
    }

    @Test
    void theWidgetSeesTheAnswerWrittenThenReceivesItWhole() {
        try (WidgetSocket socket = WidgetSocket.connect(vertx, port, "/ws/widget", null, null)) {
            socket.send(new JsonObject().put("type", "hello").put("lang", "fr"));
            socket.next("welcome");
            socket.send(new JsonObject().put("type", "message").put("text", "quels sont les horaires de l'office de tourisme ?"));
            List<String> drafts = new ArrayList<>();
            JsonObject answer = null;
            JsonObject frame;
            while (!(frame = socket.next(f -> true)).getString("type").equals("turn_end")) {
                if (frame.getString("type").equals("draft")) {
                    assertEquals(null, answer, "no draft after the answer");
                    drafts.add(frame.getString("text"));
                } else if (frame.getString("type").equals("message")
                        && frame.getJsonObject("message").getString("from").equals("bot") && answer == null) {
                    answer = frame;
                }
            }
            assertTrue(answer != null, "the answer came");
            assertEquals(ANSWER, answer.getJsonObject("message").getString("text"));
            assertTrue(drafts.size() >= 5, drafts.toString());
            String told = String.join("", drafts);
            assertTrue(ANSWER.startsWith(told), told);
            assertFalse(told.contains("[p"), told);
        }
    }

    @Test
    void theRestChannelWhichCannotStreamGetsTheWholeAnswer() {
        WebClient client = WebClient.create(vertx);
        try {
            HttpResponse<Buffer> response = WidgetSocket.await(client.post(port, "localhost", "/webhooks/rest/webhook")
                    .sendJsonObject(new JsonObject().put("sender", "rest-stream-1")
                            .put("message", "quels sont les horaires de l'office de tourisme ?")));
            assertEquals(200, response.statusCode(), response.bodyAsString());
            JsonArray messages = response.bodyAsJsonArray();
            assertEquals(ANSWER, messages.getJsonObject(0).getString("text"), messages.encode());
        } finally {
            client.close();
        }
    }
}
