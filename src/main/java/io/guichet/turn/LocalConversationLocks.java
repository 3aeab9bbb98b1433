package io.guichet.turn;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Conversation order within one process: each conversation's work is chained after its last
 * piece of work, in the order it was submitted, and runs on the worker pool. No thread waits on a
 * lock: a conversation with work queued holds no worker until its turn comes. Vert.x's ordered
 * executeBlocking would keep that order too, but per event-loop context, which many connections
 * share: all of them would then be served one at a time.
 *
 * <p>Nodes sharing a store also take the conversation's {@link SharedLock} on the worker, once the
 * local order has let the work start: a node then has at most one worker (and one connection)
 * waiting for any one conversation, however many of its messages arrive at once.
 */
public final class LocalConversationLocks implements ConversationLocks {
    private final Vertx vertx;
    private final SharedLock acrossNodes;
    private final KeyedOrder<String> order = new KeyedOrder<>();

    /** For a process alone on its store. */
    public LocalConversationLocks(Vertx vertx) {
        this(vertx, SharedLock.NONE);
    }

    public LocalConversationLocks(Vertx vertx, SharedLock acrossNodes) {
        this.vertx = vertx;
        this.acrossNodes = acrossNodes;
    }

    @Override
    public <T> Future<T> inTurn(String key, Callable<T> work) {
        return order.after(key, () -> vertx.executeBlocking(() -> acrossNodes.holding(key, work), false));
    }

    /** Conversations with work queued or running: none once everything is done. */
    int busy() {
        return order.busy();
    }
}
