package io.guichet;

import io.guichet.generation.ModelEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local OpenAI-compatible server of the tests' own, at {@code POST /v1/chat/completions}: it
 * says what the test makes its {@link #model} say, whole or streamed as server-sent events
 * (as the request asks), after a delay, piece by piece, or fails with a status.
 */
public final class ModelServer {
    /** A streamed answer comes in pieces this long, as a model's tokens come: "[p" then "1]". */
    private static final int PIECE_CHARS = 3;

    private final Vertx vertx;
    private final HttpServer server;
    /** The bodies of the requests received, in order. */
    public final List<JsonObject> received = new CopyOnWriteArrayList<>();
    /** What the model says to a request's body. */
    public volatile Function<JsonObject, String> model = body -> "";
    /** Not 200: the request fails with it. */
    public volatile int status = 200;
    /** Before the answer (or its first piece) is sent. */
    public volatile long delayMs;
    /** Between two pieces of a streamed answer. */
    public volatile long pieceDelayMs;
    /** A streamed answer comes as events that are no chat completion's chunks. */
    public volatile boolean malformedStream;

    private ModelServer(Vertx vertx) {
        this.vertx = vertx;
        this.server = vertx.createHttpServer().requestHandler(this::chatCompletions);
    }

    /** A server listening on a free port of the loopback. */
    public static ModelServer start(Vertx vertx) throws Exception {
        ModelServer model = new ModelServer(vertx);
        model.server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        return model;
    }

    /** The endpoint that calls this server, giving up after {@code timeout}. */
    public ModelEndpoint endpoint(Duration timeout) {
        return new ModelEndpoint(URI.create("http://127.0.0.1:" + server.actualPort() + "/v1"), "test-model",
                "test-key", timeout);
    }

    /** The user message of a request: the passages, the conversation and the question. */
    public static String userMessage(JsonObject body) {
        return body.getJsonArray("messages").getJsonObject(1).getString("content");
    }

    private void chatCompletions(HttpServerRequest request) {
        if (!request.path().equals("/v1/chat/completions") || !request.method().name().equals("POST")) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(buffer -> {
            JsonObject body = buffer.toJsonObject();
            received.add(body);
            Runnable answer = () -> {
                if (status != 200) {
                    request.response().setStatusCode(status).end("{\"error\":{\"message\":\"overloaded\"}}");
                } else if (body.getBoolean("stream", false)) {
                    request.response().setChunked(true).putHeader("content-type", "text/event-stream");
                    if (malformedStream) {
                        request.response().end("data: {\"choices\": [{\"delta\"\n\ndata: [DONE]\n\n");
                    } else {
                        stream(request.response(), model.apply(body), 0);
                    }
                } else {
                    request.response().putHeader("content-type", "application/json").end(new JsonObject()
                            .put("id", "chatcmpl-test").put("object", "chat.completion").put("model", "test-model")
                            .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                                    .put("message", new JsonObject().put("role", "assistant")
                                            .put("content", model.apply(body)))
                                    .put("finish_reason", "stop"))).encode());
                }
            };
            later(delayMs, answer);
        });
    }

    /** Sends {@code content} from {@code from} on, a piece at a time, then the end of the stream. */
    private void stream(HttpServerResponse response, String content, int from) {
        if (response.closed()) {
            return;
        }
        if (from >= content.length()) {
            response.end("data: [DONE]\n\n");
            return;
        }
        String piece = content.substring(from, Math.min(content.length(), from + PIECE_CHARS));
        JsonObject chunk = new JsonObject().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                        .put("delta", new JsonObject().put("content", piece))));
        response.write("data: " + chunk.encode() + "\n\n");
        later(pieceDelayMs, () -> stream(response, content, from + PIECE_CHARS));
    }

    private void later(long delay, Runnable action) {
        if (delay > 0) {
            vertx.setTimer(delay, id -> action.run());
        } else {
            action.run();
        }
    }
}
