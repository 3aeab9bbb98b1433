package io.guichet.channels.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's WebSocket client: sends JSON frames and waits for the frames it expects, in order. */
public final class WidgetSocket implements AutoCloseable {
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    /**
     * Held for as long as the socket is used: Vert.x closes a client once nothing refers to it
     * (a Cleaner, on garbage collection), and the socket with it. Without this reference a
     * socket went deaf in the middle of a test whenever a collection happened to run.
     */
    private WebSocketClient client;
    private WebSocket socket;

    /** Connects to {@code path}; fails with the server's refusal (an UpgradeRejectedException). */
    public static WidgetSocket connect(Vertx vertx, int port, String path, String origin, String cookie) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI(path);
        if (origin != null) {
            options.putHeader("Origin", origin);
        }
        if (cookie != null) {
            options.putHeader("Cookie", cookie);
        }
        WidgetSocket client = new WidgetSocket();
        // The handler is set before connecting: a server may speak first.
        client.client = vertx.createWebSocketClient();
        ClientWebSocket socket = client.client.webSocket();
        socket.textMessageHandler(text -> client.frames.add(parsed(text)));
        client.socket = await(socket.connect(options));
        return client;
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A frame that is not a JSON object is kept as {@code {"type":"not_json","text":…}}, for the test to see. */
    private static JsonObject parsed(String text) {
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return new JsonObject().put("type", "not_json").put("text", text);
        }
    }

    public void send(JsonObject frame) {
        sendText(frame.encode());
    }

    /** A text frame as given, JSON or not. */
    public void sendText(String text) {
        await(socket.writeTextMessage(text));
    }

    public void sendBinary(Buffer bytes) {
        await(socket.writeBinaryMessage(bytes));
    }

    /** Whether either side closed the socket; {@link #closeStatus} then tells how. */
    public boolean isClosed() {
        return socket.isClosed();
    }

    /** Waits until the socket is closed; false when it is still open after {@code within}. */
    public boolean awaitClosed(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!socket.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return socket.isClosed();
    }

    /** The status code of the close frame, null while open or when the connection just dropped. */
    public Short closeStatus() {
        return socket.closeStatusCode();
    }

    /** The next frame that matches, dropping those before it; fails after 20 s. */
    public JsonObject next(Predicate<JsonObject> wanted) {
        return next(wanted, Duration.ofSeconds(20));
    }

    /** The next frame that matches, dropping those before it; fails after {@code within}. */
    public JsonObject next(Predicate<JsonObject> wanted, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame != null) {
                    seen.add(frame);
                    if (wanted.test(frame)) {
                        return frame;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no such frame within " + within.toMillis() + " ms; frames seen: " + seen);
    }

    public JsonObject next(String type) {
        return next(frame -> type.equals(frame.getString("type")));
    }

    /** Every frame received so far and not yet taken. */
    public List<JsonObject> drain() {
        List<JsonObject> out = new ArrayList<>();
        frames.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        await(socket.close());
        await(client.close());
    }
}
