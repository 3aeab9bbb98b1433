package io.guichet.turn;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conversation order within one process: each conversation's work is chained after its last
 * piece of work, in the order it was submitted, and runs on the worker pool. No thread waits on a
 * lock: a conversation with work queued holds no worker until its turn comes. Vert.x's ordered
 * executeBlocking would keep that order too, but per event-loop context, which many connections
 * share: all of them would then be served one at a time.
 */
public final class LocalConversationLocks implements ConversationLocks {
    private final Vertx vertx;
    /** Each conversation's last piece of work, while it has any not done. */
    private final Map<String, Future<?>> tails = new ConcurrentHashMap<>();

    public LocalConversationLocks(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public <T> Future<T> inTurn(String key, Callable<T> work) {
        @SuppressWarnings("unchecked")
        Future<T>[] mine = new Future[1];
        tails.compute(key, (k, tail) -> {
            Future<?> previous = tail == null ? Future.succeededFuture() : tail;
            mine[0] = previous.transform(done -> vertx.executeBlocking(work, false));
            return mine[0];
        });
        mine[0].onComplete(done -> tails.remove(key, mine[0]));
        return mine[0];
    }

    /** Conversations with work queued or running: none once everything is done. */
    int busy() {
        return tails.size();
    }
}
