package io.guichet.channels.meta;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.guichet.turn.KeyedOrder;
import java.util.List;

/**
 * Sends a channel's Graph API calls to each person in order: each call once the previous one to
 * that person was accepted or given up, the calls of a later turn after those of an earlier one,
 * even when one of them is retried with back-off.
 */
public final class MetaReplier {
    private final GraphSender sender;
    private final KeyedOrder<String> perPerson = new KeyedOrder<>();

    public MetaReplier(GraphSender sender) {
        this.sender = sender;
    }

    public Future<Void> send(String person, List<JsonObject> calls) {
        return perPerson.after(person, () -> sendInOrder(calls, 0));
    }

    private Future<Void> sendInOrder(List<JsonObject> calls, int from) {
        if (from >= calls.size()) {
            return Future.succeededFuture();
        }
        return sender.send(calls.get(from)).compose(sent -> sendInOrder(calls, from + 1));
    }
}
