package io.guichet.generation;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * One blocking call to {@code POST {base}/chat/completions}, sent with Vert.x's non-blocking
 * client and awaited by the calling worker thread; never call it on an event loop, which would
 * wait for itself. langchain4j-open-ai would do the same, but it has no release matching
 * langchain4j-core 1.20.0, and the request is a few lines of JSON.
 */
final class ChatCompletions {
    /** Near zero: the same data must give the same answer, not a creative one. */
    private static final double TEMPERATURE = 0.1;
    /** A short answer: a few sentences and their citations. */
    private static final int MAX_TOKENS = 400;
    /** The line of a server-sent event that carries data, and the one that ends the stream. */
    private static final String DATA = "data:";
    private static final String DONE = "[DONE]";

    private final HttpClient http;
    private final WebClient client;
    private final ModelEndpoint endpoint;

    ChatCompletions(Vertx vertx, ModelEndpoint endpoint) {
        this.http = vertx.createHttpClient();
        this.client = WebClient.wrap(http);
        this.endpoint = endpoint;
    }

    /** Why the model gave no text: its error status, a malformed reply, the time limit. */
    static final class Failure extends Exception {
        Failure(String reason) {
            super(reason);
        }
    }

    /** The model's reply to {@code system} then {@code user}, within the endpoint's time limit. */
    String complete(String system, String user) throws Failure, InterruptedException {
        long limit = endpoint.timeout().toMillis();
        HttpRequest<Buffer> request = client.postAbs(url()).timeout(limit);
        if (endpoint.apiKey() != null) {
            request.bearerTokenAuthentication(endpoint.apiKey());
        }
        HttpResponse<Buffer> response = await(request.sendJsonObject(body(system, user, false))
                .toCompletionStage().toCompletableFuture(), limit, () -> { });
        if (response.statusCode() != 200) {
            // The status only: an error body may repeat the request's headers.
            throw new Failure("status " + response.statusCode());
        }
        try {
            return text(response.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0).getJsonObject("message"));
        } catch (RuntimeException e) {
            throw new Failure("a reply that is not a chat completion");
        }
    }

    /**
     * The model's reply to {@code system} then {@code user}, streamed: each piece of text is given
     * to {@code piece} as it comes, on an event loop, until it returns false, which ends the call
     * at once (the connection reset) as a failure. Within the endpoint's time limit, whole.
     */
    String stream(String system, String user, Predicate<String> piece) throws Failure, InterruptedException {
        long limit = endpoint.timeout().toMillis();
        CompletableFuture<String> reply = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader(HttpHeaders.ACCEPT, "text/event-stream");
        if (endpoint.apiKey() != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + endpoint.apiKey());
        }
        // The response's handlers are set in the callback of its own head, before any of its body
        // is delivered; one more hop (a composed future) and a short answer was already over.
        http.request(options).onSuccess(request -> {
            sent.set(request);
            request.send(body(system, user, true).toBuffer())
                    .onSuccess(response -> read(response, piece, reply)).onFailure(reply::completeExceptionally);
        }).onFailure(reply::completeExceptionally);
        return await(reply, limit, () -> {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
        });
    }

    /** Reads a streamed reply's events into {@code reply}, telling {@code piece} each piece of text. */
    private static void read(HttpClientResponse response, Predicate<String> piece, CompletableFuture<String> reply) {
        if (response.statusCode() != 200) {
            reply.completeExceptionally(new Failure("status " + response.statusCode()));
            response.request().reset();
            return;
        }
        StringBuilder text = new StringBuilder();
        response.handler(RecordParser.newDelimited("\n", line -> {
            String event = line.toString(StandardCharsets.UTF_8).strip();
            if (reply.isDone() || !event.startsWith(DATA)) {
                return;
            }
            String data = event.substring(DATA.length()).strip();
            if (data.equals(DONE)) {
                reply.complete(text.toString());
                return;
            }
            try {
                String delta = new JsonObject(data).getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                        .getString("content");
                if (delta != null && !delta.isEmpty()) {
                    text.append(delta);
                    if (!piece.test(delta)) {
                        reply.completeExceptionally(new Failure("a streamed answer stopped by its checks"));
                        response.request().reset();
                    }
                }
            } catch (RuntimeException e) {
                reply.completeExceptionally(new Failure("a stream that is not a chat completion's"));
                response.request().reset();
            }
        }));
        response.endHandler(end -> reply.complete(text.toString()));
        response.exceptionHandler(reply::completeExceptionally);
    }

    /** The result of {@code call} within {@code limit} ms; past it, {@code cancel} runs and the call fails. */
    private static <T> T await(CompletableFuture<T> call, long limit, Runnable cancel)
            throws Failure, InterruptedException {
        try {
            return call.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Done, so that nothing the server still sends is read or told.
            call.completeExceptionally(e);
            cancel.run();
            throw new Failure("no answer within " + limit + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Failure failure ? failure
                    : new Failure("request failed: " + e.getCause().getMessage());
        }
    }

    private String url() {
        return endpoint.baseUrl().toString().replaceAll("/+$", "") + "/chat/completions";
    }

    private JsonObject body(String system, String user, boolean stream) {
        return new JsonObject().put("model", endpoint.model()).put("temperature", TEMPERATURE)
                .put("max_tokens", MAX_TOKENS).put("stream", stream)
                .put("messages", new JsonArray()
                        .add(new JsonObject().put("role", "system").put("content", system))
                        .add(new JsonObject().put("role", "user").put("content", user)));
    }

    private static String text(JsonObject message) throws Failure {
        String content = message.getString("content");
        if (content == null) {
            throw new Failure("a reply without text");
        }
        return content;
    }
}
