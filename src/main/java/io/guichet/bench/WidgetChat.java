package io.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;

/**
 * A conversation over the web widget's real-time channel, {@code ws://host/ws/widget}: a
 * {@code hello} frame opens the conversation and the server answers {@code welcome}; each
 * {@code message} frame is echoed, answered by one frame per bot reply, and the turn ends with
 * {@code turn_end}. A turn's latency runs from sending to {@code turn_end}.
 */
final class WidgetChat implements ChatChannel {
    static final String PATH = "/ws/widget";

    private final Vertx vertx;
    private final WebSocketClient client;
    private final int port;
    private final String host;
    private WebSocket socket;
    private Promise<Integer> pending;
    private long timer;

    WidgetChat(Vertx vertx, WebSocketClient client, String host, int port) {
        this.vertx = vertx;
        this.client = client;
        this.host = host;
        this.port = port;
    }

    /** Whether the service has the widget channel: false when the upgrade is refused with 404. */
    static Future<Boolean> available(WebSocketClient client, String host, int port) {
        return client.connect(port, host, PATH).compose(ws -> ws.close().map(true), failure ->
                failure instanceof UpgradeRejectedException rejected && rejected.getStatus() == 404
                        ? Future.succeededFuture(false) : Future.failedFuture(failure));
    }

    @Override
    public Future<Integer> open() {
        return client.connect(port, host, PATH).compose(ws -> {
            socket = ws;
            ws.textMessageHandler(this::frame);
            ws.closeHandler(v -> settle(null, new IllegalStateException("the server closed the WebSocket")));
            return expect(new JsonObject().put("type", "hello").put("lang", "fr"));
        }, failure -> failure instanceof UpgradeRejectedException rejected && rejected.getStatus() == OVERLOADED
                ? Future.succeededFuture(OVERLOADED) : Future.failedFuture(failure));
    }

    @Override
    public Future<Integer> send(String text) {
        return expect(new JsonObject().put("type", "message").put("text", text));
    }

    /** Writes a frame and returns what settles the turn: a welcome, a turn's end, or an error frame. */
    private Future<Integer> expect(JsonObject frame) {
        if (pending != null) {
            return Future.failedFuture(new IllegalStateException("a turn is already under way"));
        }
        Promise<Integer> promise = Promise.promise();
        pending = promise;
        timer = vertx.setTimer(HttpChat.TIMEOUT_MS, id -> settle(null,
                new IllegalStateException("no turn_end within " + HttpChat.TIMEOUT_MS + " ms")));
        socket.writeTextMessage(frame.encode()).onFailure(e -> settle(null, e));
        return promise.future();
    }

    private void frame(String text) {
        JsonObject frame;
        try {
            frame = new JsonObject(text);
        } catch (RuntimeException e) {
            settle(null, new IllegalStateException("a frame that is not JSON: " + text));
            return;
        }
        switch (frame.getString("type", "")) {
            case "welcome", "turn_end" -> settle(OK, null);
            case "error" -> settle("overloaded".equals(frame.getString("error")) ? OVERLOADED : null,
                    new IllegalStateException("error frame: " + text));
            default -> {
                // The echo of the user's message and the bot's replies: the turn goes on.
            }
        }
    }

    private void settle(Integer outcome, Throwable failure) {
        Promise<Integer> promise = pending;
        if (promise == null) {
            return;
        }
        pending = null;
        vertx.cancelTimer(timer);
        if (outcome != null) {
            promise.complete(outcome);
        } else {
            promise.fail(failure);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.closeHandler(null);
            socket.close();
            socket = null;
        }
    }
}
