package io.guichet.bench;

import io.guichet.TestService;
import io.guichet.channels.meta.HubSignature;
import io.guichet.channels.messenger.MessengerSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages per second through the Messenger webhook, end to end, on loopback: signed webhook
 * calls in from many senders, the service's turns, and the replies received by a fake Graph
 * API. The webhook answers 200 before handling, so the rate is the number of messages over the
 * time from the first call to the last reply (once the Graph API has been quiet for 2 s). Every
 * message is checked to have been handled (one typing indicator each) and answered (at least
 * one reply each). A benchmark that prints figures, not a test:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.guichet.bench.MessengerThroughput [messages] [senders]}.
 */
public final class MessengerThroughput {
    private static final String SECRET = "bench-secret";
    /** A mix of greetings, journeys and knowledge questions. */
    private static final List<String> MESSAGES = List.of("bonjour", "à quelle heure ouvre l'office de tourisme ?",
            "séminaire pour 40 personnes les 12 et 13 mars", "2 nuits", "merci", "combien coûte la navette ?");

    private MessengerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Vertx vertx = Vertx.vertx();
        AtomicInteger typing = new AtomicInteger();
        AtomicInteger replies = new AtomicInteger();
        AtomicLong lastReply = new AtomicLong();
        Router graph = Router.router(vertx);
        graph.post("/v21.0/me/messages").handler(BodyHandler.create()).handler(ctx -> {
            if (ctx.body().asJsonObject().containsKey("sender_action")) {
                typing.incrementAndGet();
            } else {
                replies.incrementAndGet();
                lastReply.set(System.nanoTime());
            }
            ctx.json(new JsonObject().put("message_id", "m"));
        });
        int graphPort = vertx.createHttpServer().requestHandler(graph).listen(0).toCompletionStage()
                .toCompletableFuture().get().actualPort();
        int port = TestService.start(vertx, Files.createTempDirectory("guichet-bench"),
                new MessengerSettings(SECRET, "verify", "token", "http://127.0.0.1:" + graphPort + "/v21.0"), null, null)
                .toCompletionStage().toCompletableFuture().get();
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(port),
                new PoolOptions().setHttp1MaxSize(senders));

        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        for (int s = 0; s < senders; s++) {
            sendNext(client, "psid-" + s, next, total);
        }
        int previous = -1;
        while (replies.get() != previous || typing.get() < total) {
            previous = replies.get();
            Thread.sleep(2000);
        }
        double seconds = (lastReply.get() - started) / 1e9;
        System.out.printf("messenger webhook end to end: %d messages from %d senders in %.1f s = %.0f messages/s"
                + " (%d handled, %d replies sent)%n", total, senders, seconds, total / seconds, typing.get(), replies.get());
        vertx.close();
        System.exit(typing.get() == total && replies.get() >= total ? 0 : 1);
    }

    /** A sender sends its next message once the previous one is acknowledged. */
    private static void sendNext(WebClient client, String psid, AtomicInteger next, int total) {
        int n = next.getAndIncrement();
        if (n >= total) {
            return;
        }
        JsonObject payload = new JsonObject().put("object", "page").put("entry", new JsonArray().add(new JsonObject()
                .put("id", "PAGE").put("time", n).put("messaging", new JsonArray().add(new JsonObject()
                        .put("sender", new JsonObject().put("id", psid)).put("recipient", new JsonObject().put("id", "PAGE"))
                        .put("timestamp", n).put("message", new JsonObject().put("mid", "mid-" + n)
                                .put("text", MESSAGES.get(n % MESSAGES.size())))))));
        byte[] body = payload.encode().getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + HexFormat.of().formatHex(HubSignature.sign(SECRET, body));
        client.post("/webhooks/messenger").putHeader("X-Hub-Signature-256", signature)
                .putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(body))
                .onComplete(r -> sendNext(client, psid, next, total));
    }
}
