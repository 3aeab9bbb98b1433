package io.guichet.bench;

import io.guichet.ModelServer;
import io.guichet.TestService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What generated answers cost Guichet itself: the same questions, each the first message of a
 * new conversation on the REST channel, asked of two services in one JVM, one without a model
 * and one with the project's test model on loopback (which answers at once, streamed, citing
 * the first passage), one after the other, round after round. The difference is Guichet's own
 * work (the prompt, the request, reading the stream, the checks); a real model adds its own time
 * on top. A benchmark that prints figures, not a test:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.guichet.bench.GenerationOverhead [rounds]}.
 */
public final class GenerationOverhead {
    /** Questions the test knowledge base answers, as first messages. */
    private static final List<String> QUESTIONS = List.of("quels sont les horaires de l'office de tourisme ?",
            "combien coûte la navette pour l'aéroport ?", "où se trouve le parc des sources ?",
            "how much is the airport shuttle?");
    private static final int WARMUP_ROUNDS = 30;

    private GenerationOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Vertx vertx = Vertx.vertx();
        ModelServer model = ModelServer.start(vertx);
        model.model = body -> "Voici ce que dit la page sur ce point [p1].";
        int off = await(TestService.start(vertx, Files.createTempDirectory("guichet-bench-off"), null));
        int on = await(TestService.start(vertx, Files.createTempDirectory("guichet-bench-on"),
                model.endpoint(Duration.ofSeconds(8))));
        WebClient client = WebClient.create(vertx);
        long[][] micros = new long[2][rounds * QUESTIONS.size()];
        int generated = 0;
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            for (int q = 0; q < QUESTIONS.size(); q++) {
                for (int service = 0; service < 2; service++) {
                    long started = System.nanoTime();
                    JsonArray said = ask(client, service == 0 ? off : on, "s" + round + "-" + q, QUESTIONS.get(q));
                    long took = (System.nanoTime() - started) / 1000;
                    if (round >= 0) {
                        micros[service][round * QUESTIONS.size() + q] = took;
                        generated += service == 1 && said.getJsonObject(0).getString("text").startsWith("Voici ce que dit la page")
                                ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("%d questions, first messages over the REST channel, one client, after %d warm-up rounds%n",
                rounds * QUESTIONS.size(), WARMUP_ROUNDS);
        System.out.printf("%-34s %8s %8s %8s%n", "", "p50 ms", "p90 ms", "p99 ms");
        print("without a model", micros[0]);
        print("with the test model (streamed)", micros[1]);
        System.out.printf("answers written by the model: %d of %d; model requests: %d%n", generated,
                rounds * QUESTIONS.size(), model.received.size());
        vertx.close();
        System.exit(0);
    }

    private static JsonArray ask(WebClient client, int port, String sender, String question) throws Exception {
        HttpResponse<Buffer> response = client.post(port, "127.0.0.1", "/webhooks/rest/webhook")
                .sendJsonObject(new JsonObject().put("sender", sender).put("message", question))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return response.bodyAsJsonArray();
    }

    private static void print(String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("%-34s %8.1f %8.1f %8.1f%n", what, percentile(sorted, 0.50), percentile(sorted, 0.90),
                percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double rank) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(rank * (sorted.length - 1)))] / 1000.0;
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
}
