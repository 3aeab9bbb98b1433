package io.guichet.bench;

import io.vertx.core.Future;

/** How a simulated user talks to the service: over the HTTP API or over the widget's WebSocket. */
interface ChatChannel {
    /** The reply was complete. */
    int OK = 200;
    /** The service refused the message for now (back-pressure); the user should try again later. */
    int OVERLOADED = 503;

    /** Starts a new conversation: {@link #OK}, or {@link #OVERLOADED} when shed; fails on anything else. */
    Future<Integer> open();

    /**
     * Sends one message; completes when the turn's last reply has arrived, with {@link #OK}, or
     * with {@link #OVERLOADED} when the service shed it. Fails on anything else (an error status,
     * a time-out, a broken connection).
     */
    Future<Integer> send(String text);

    /** Ends the conversation on the client's side (the service keeps it). */
    void close();
}
