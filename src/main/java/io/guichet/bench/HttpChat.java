package io.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;

/** A conversation over the contract's HTTP API: {@code POST /api/v1/conversations}, then its messages. */
final class HttpChat implements ChatChannel {
    /** A reply slower than this counts as an error: it is what a visitor's browser would give up on. */
    static final long TIMEOUT_MS = 10_000;

    private final WebClient client;
    private String id;

    HttpChat(WebClient client) {
        this.client = client;
    }

    @Override
    public Future<Integer> open() {
        return client.post("/api/v1/conversations").timeout(TIMEOUT_MS)
                .sendJsonObject(new JsonObject().put("channel", "web"))
                .compose(response -> {
                    if (response.statusCode() == 201) {
                        id = response.bodyAsJsonObject().getString("id");
                        return Future.succeededFuture(OK);
                    }
                    if (response.statusCode() == OVERLOADED) {
                        return Future.succeededFuture(OVERLOADED);
                    }
                    return Future.failedFuture(unexpected("opening a conversation", response));
                });
    }

    @Override
    public Future<Integer> send(String text) {
        return client.post("/api/v1/conversations/" + id + "/messages").timeout(TIMEOUT_MS)
                .sendJsonObject(new JsonObject().put("text", text))
                .compose(response -> switch (response.statusCode()) {
                    case OK -> Future.succeededFuture(OK);
                    case OVERLOADED -> Future.succeededFuture(OVERLOADED);
                    default -> Future.failedFuture(unexpected("posting a message", response));
                });
    }

    static IllegalStateException unexpected(String what, HttpResponse<Buffer> response) {
        String body = response.bodyAsString();
        return new IllegalStateException(what + ": HTTP " + response.statusCode() + " "
                + (body == null ? "" : body.substring(0, Math.min(200, body.length()))));
    }

    @Override
    public void close() {
        id = null;
    }
}
