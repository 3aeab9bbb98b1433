package io.guichet.generation;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One blocking call to {@code POST {base}/chat/completions}, sent with the non-blocking WebClient
 * and awaited by the calling worker thread; never call it on an event loop, which would wait for
 * itself. langchain4j-open-ai would do the same, but it has no release matching langchain4j-core
 * 1.20.0, and the request is a few lines of JSON.
 */
final class ChatCompletions {
    /** Near zero: the same data must give the same answer, not a creative one. */
    private static final double TEMPERATURE = 0.1;
    /** A short answer: a few sentences and their citations. */
    private static final int MAX_TOKENS = 400;

    private final WebClient client;
    private final ModelEndpoint endpoint;

    ChatCompletions(Vertx vertx, ModelEndpoint endpoint) {
        this.client = WebClient.create(vertx);
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
        JsonObject body = new JsonObject().put("model", endpoint.model()).put("temperature", TEMPERATURE)
                .put("max_tokens", MAX_TOKENS).put("stream", false)
                .put("messages", new JsonArray()
                        .add(new JsonObject().put("role", "system").put("content", system))
                        .add(new JsonObject().put("role", "user").put("content", user)));
        long limit = endpoint.timeout().toMillis();
        HttpRequest<Buffer> request = client.postAbs(endpoint.baseUrl().toString().replaceAll("/+$", "")
                + "/chat/completions").timeout(limit);
        if (endpoint.apiKey() != null) {
            request.bearerTokenAuthentication(endpoint.apiKey());
        }
        HttpResponse<Buffer> response;
        try {
            response = request.sendJsonObject(body).toCompletionStage().toCompletableFuture()
                    .get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Failure("no answer within " + limit + " ms");
        } catch (ExecutionException e) {
            throw new Failure("request failed: " + e.getCause().getMessage());
        }
        if (response.statusCode() != 200) {
            // The status only: an error body may repeat the request's headers.
            throw new Failure("status " + response.statusCode());
        }
        try {
            String content = response.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0)
                    .getJsonObject("message").getString("content");
            if (content == null) {
                throw new Failure("a reply without text");
            }
            return content;
        } catch (RuntimeException e) {
            throw new Failure("a reply that is not a chat completion");
        }
    }
}
