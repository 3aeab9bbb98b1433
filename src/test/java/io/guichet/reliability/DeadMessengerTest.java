package io.guichet.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guichet.ChildService;
import io.guichet.TestHttp;
import io.guichet.TestService;
import io.guichet.channels.meta.HubSignature;
import io.guichet.channels.messenger.MessengerSettings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Meta's Send API stops answering (it accepts connections and never replies, the worst case)
 * while Messenger users keep writing: web conversations must go on at their usual pace, because
 * replies to Messenger wait on the network, not on the threads that answer the web.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DeadMessengerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "dead-graph-secret";
    private static final int MESSENGER_EVENTS = 100;
    /** Vert.x's client keeps 5 connections per host by default: 5 calls hanging means every later reply waits. */
    private static final int STUCK_CALLS = 5;
    /** A web reply waiting on the Graph API would take its 5 s time-out at least; normal ones take milliseconds. */
    private static final long WEB_P95_BOUND_MS = 1500;

    @Test
    void aDeadSendApiDoesNotSlowTheWeb() throws Exception {
        Path data = Files.createTempDirectory("guichet-dead-graph");
        Vertx vertx = Vertx.vertx();
        AtomicInteger graphCalls = new AtomicInteger();
        try {
            int graphPort = vertx.createHttpServer().requestHandler(request -> graphCalls.incrementAndGet())
                    .listen(0).toCompletionStage().toCompletableFuture().get().actualPort();
            int port = TestService.start(vertx, data, new MessengerSettings(SECRET, "verify", "page-token",
                    "http://127.0.0.1:" + graphPort + "/v21.0"), null, null).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            String id = JSON.readTree(TestHttp.send(port, "POST", "/api/v1/conversations", "{}", null).body())
                    .get("id").asText();
            long[] quiet = webLatencies(port, id, 15);

            Thread messengerUsers = new Thread(() -> {
                for (int n = 0; n < MESSENGER_EVENTS; n++) {
                    try {
                        assertEquals(200, webhook(port, "psid-" + (n % 40), n).statusCode());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            messengerUsers.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (graphCalls.get() < STUCK_CALLS && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            // The Send API client's connections are all held by calls that will only time out.
            assertTrue(graphCalls.get() >= STUCK_CALLS, "calls stuck at the dead Send API: " + graphCalls.get());
            long[] flooded = webLatencies(port, id, 30);
            messengerUsers.join(30_000);

            long quietP95 = percentile(quiet, 95);
            long floodedP95 = percentile(flooded, 95);
            assertTrue(floodedP95 < WEB_P95_BOUND_MS, "web p95 while the Send API is dead: " + floodedP95
                    + " ms (quiet: " + quietP95 + " ms), all: " + Arrays.toString(flooded));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            ChildService.deleteTree(data);
        }
    }

    /** Milliseconds per web message, each one answered 200. */
    private static long[] webLatencies(int port, String id, int messages) throws Exception {
        List<String> texts = List.of("bonjour", "combien coûte la navette ?", "merci");
        long[] out = new long[messages];
        for (int i = 0; i < messages; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = TestHttp.send(port, "POST", "/api/v1/conversations/" + id + "/messages",
                    "{\"text\": \"" + texts.get(i % texts.size()) + "\"}", null);
            out[i] = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, response.statusCode(), response.body());
        }
        return out;
    }

    private static long percentile(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static HttpResponse<String> webhook(int port, String psid, int n) throws Exception {
        String body = new JsonObject().put("object", "page").put("entry", new JsonArray().add(new JsonObject()
                .put("id", "PAGE").put("time", n).put("messaging", new JsonArray().add(new JsonObject()
                        .put("sender", new JsonObject().put("id", psid)).put("recipient", new JsonObject().put("id", "PAGE"))
                        .put("timestamp", n).put("message", new JsonObject().put("mid", "mid-" + n)
                                .put("text", n % 2 == 0 ? "bonjour" : "séminaire pour 30 personnes")))))).encode();
        String signature = "sha256=" + HexFormat.of().formatHex(HubSignature.sign(SECRET,
                body.getBytes(StandardCharsets.UTF_8)));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/webhooks/messenger"))
                        .header("content-type", "application/json").header("X-Hub-Signature-256", signature)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
