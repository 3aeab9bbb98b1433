package io.guichet.realtime;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;

/**
 * What the service's WebSockets do when reading fails. Past its message limit (256 KiB), Vert.x
 * drops the message and every frame left of it, and tells only the socket's exception handler:
 * without one, the page waits for an answer that never comes. The socket is closed instead, with
 * RFC 6455's 1009 (message too big) for that case; the widget and the console reconnect by
 * themselves.
 */
public final class SocketFailures {
    static final short MESSAGE_TOO_BIG = 1009;
    static final short UNEXPECTED_CONDITION = 1011;

    private SocketFailures() {
    }

    public static void closeOnFailure(ServerWebSocket socket) {
        socket.exceptionHandler(failure -> {
            if (socket.isClosed()) {
                return;
            }
            if (failure instanceof IllegalStateException) {
                socket.close(MESSAGE_TOO_BIG, "a message is at most "
                        + HttpServerOptions.DEFAULT_MAX_WEBSOCKET_MESSAGE_SIZE + " bytes");
            } else {
                socket.close(UNEXPECTED_CONDITION);
            }
        });
    }
}
