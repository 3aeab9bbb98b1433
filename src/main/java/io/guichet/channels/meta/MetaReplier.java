package io.guichet.channels.meta;

import io.guichet.dialogue.ConversationService;
import io.guichet.dialogue.Turn;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Takes a channel user's message through their conversation (on a worker) and sends the rendered replies, in order. */
public final class MetaReplier {
    private static final Logger LOG = LoggerFactory.getLogger(MetaReplier.class);

    private final Vertx vertx;
    private final ConversationService conversations;
    private final String channel;
    private final GraphSender sender;
    private final Clock clock;

    public MetaReplier(Vertx vertx, ConversationService conversations, String channel, GraphSender sender,
                       Clock clock) {
        this.vertx = vertx;
        this.conversations = conversations;
        this.channel = channel;
        this.sender = sender;
        this.clock = clock;
    }

    public void answer(String user, String text, Function<Turn, List<JsonObject>> render) {
        LocalDate today = LocalDate.now(clock);
        vertx.executeBlocking(() -> conversations.post(conversations.forChannelUser(channel, user), text, today), false)
                .onSuccess(turn -> send(render.apply(turn)))
                .onFailure(e -> LOG.error("{}: could not answer a message: {}", channel, e.getMessage()));
    }

    /** Sends the calls one after the other, each once the previous one was accepted. */
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
