package io.guichet.channels;

import io.guichet.channels.meta.HubSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Meta's Graph API played on loopback: records the Send API calls it accepts, per recipient,
 * counts every attempt, and answers each attempt with the status a test scripts.
 */
final class FakeGraph {
    private final Map<String, Queue<JsonObject>> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private int port;

    /**
     * @param recipient where a call's recipient is in its body
     * @param status the status for (recipient, attempt number, Authorization header)
     */
    static Future<FakeGraph> start(Vertx vertx, String path, Function<JsonObject, String> recipient,
                                   StatusScript status) {
        FakeGraph graph = new FakeGraph();
        Router router = Router.router(vertx);
        router.post(path).handler(BodyHandler.create()).handler(ctx -> {
            JsonObject body = ctx.body().asJsonObject();
            String to = recipient.apply(body);
            int attempt = graph.attempts.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
            int code = status.apply(to, attempt, ctx.request().getHeader("Authorization"));
            if (code == 200) {
                graph.accepted.computeIfAbsent(to, k -> new ConcurrentLinkedQueue<>()).add(body);
                ctx.json(new JsonObject().put("recipient_id", to).put("message_id", "m-" + attempt));
            } else {
                ctx.response().setStatusCode(code).end("{\"error\":{\"code\":" + code + "}}");
            }
        });
        return vertx.createHttpServer().requestHandler(router).listen(0).map(server -> {
            graph.port = server.actualPort();
            return graph;
        });
    }

    /** The status to answer an attempt with. */
    interface StatusScript {
        int apply(String recipient, int attempt, String authorization);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/v21.0";
    }

    int attempts(String recipient) {
        return attempts.getOrDefault(recipient, new AtomicInteger()).get();
    }

    /** The calls accepted for a recipient, once {@code done} holds for them (or after 20 s). */
    List<JsonObject> accepted(String recipient, Predicate<List<JsonObject>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JsonObject> calls;
        do {
            Thread.sleep(50);
            calls = List.copyOf(accepted.getOrDefault(recipient, new ConcurrentLinkedQueue<>()));
        } while (!done.test(calls) && System.nanoTime() < deadline);
        return calls;
    }

    /** The {@code X-Hub-Signature-256} Meta would send with this payload. */
    static String signature(String secret, JsonObject payload) {
        return "sha256=" + HexFormat.of().formatHex(HubSignature.sign(secret, payload.encode().getBytes(StandardCharsets.UTF_8)));
    }
}
