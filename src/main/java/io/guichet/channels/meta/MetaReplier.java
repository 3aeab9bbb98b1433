package io.guichet.channels.meta;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Sends a channel's Graph API calls one after the other, each once the previous one was accepted. */
public final class MetaReplier {
    private final GraphSender sender;

    public MetaReplier(GraphSender sender) {
        this.sender = sender;
    }

    public Future<Void> send(List<JsonObject> calls) {
        return sendInOrder(calls, 0);
    }

    private Future<Void> sendInOrder(List<JsonObject> calls, int from) {
        if (from >= calls.size()) {
            return Future.succeededFuture();
        }
        return sender.send(calls.get(from)).compose(sent -> sendInOrder(calls, from + 1));
    }
}
